/*
 * bcryptprimitives.dll with one function, ProcessPrng, for Wine 8.
 *
 * Go 1.24 and later get random bytes on Windows from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and 11 have and Wine 8 (Debian 12)
 * does not; without it every Go program dies at start. This stands in for it
 * in the test Wine prefix only, over advapi32's RtlGenRandom
 * (SystemFunction036), which Wine has. It is never shipped: on Windows the
 * real DLL is used.
 *
 * Built by scripts/wine-setup.sh with mingw-w64:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng fills data with len random bytes. Like Windows', it always
 * returns TRUE: a caller cannot do anything useful with a failure, so a
 * failure to get random bytes ends the process instead of returning. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			ExitProcess(2);
		data += n;
		len -= n;
	}
	return TRUE;
}
