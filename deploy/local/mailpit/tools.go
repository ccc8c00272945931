//go:build tools

// Package tools keeps the Mailpit module in go.mod and go.sum (built with go build github.com/axllent/mailpit).
package tools

import _ "github.com/axllent/mailpit/config"
