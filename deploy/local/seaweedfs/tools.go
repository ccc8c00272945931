//go:build tools

// Package tools keeps SeaweedFS in go.mod and go.sum (built with go build github.com/seaweedfs/seaweedfs/weed).
package tools

import _ "github.com/seaweedfs/seaweedfs/weed/util/version"
