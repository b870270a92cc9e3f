package crypto_test

import (
	"fmt"
	"os"
	"path/filepath"

	"msprecords/crypto"
)

// Example shows a vault's life: create it, open it again as the unlock
// screen would, and unlock it with a passphrase and with the recovery key.
func Example() {
	parent, _ := os.MkdirTemp("", "vault-example")
	defer os.RemoveAll(parent)
	dir := filepath.Join(parent, "vault")

	// Tests and examples use a low work factor; real callers pass 0.
	_, created, recoveryKey, err := crypto.Create(dir, "Alice", "correct horse battery staple", crypto.MinWorkFactor)
	key := created.Key
	if err != nil {
		fmt.Println(err)
		return
	}

	lock, err := crypto.Lock(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer lock.Release()

	v, err := crypto.Open(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	users, _ := v.Users()
	fmt.Println("users:", users)

	unlocked, err := v.Unlock("", "correct horse battery staple")
	fmt.Println("unlocked by:", unlocked.Label, unlocked.Role, unlocked.Key == key, err)

	_, err = v.Unlock("Alice", "wrong")
	fmt.Println(err)

	recovered, err := v.UnlockWithRecoveryKey(recoveryKey)
	fmt.Println("recovered:", recovered.Key == key, err)

	fmt.Println(key)
	// Output:
	// users: [Alice]
	// unlocked by: Alice safeguarding lead true <nil>
	// incorrect passphrase
	// recovered: true <nil>
	// MasterKey(redacted)
}
