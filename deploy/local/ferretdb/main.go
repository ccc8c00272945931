// Command ferretdb-launcher runs FerretDB 1.24 (MongoDB wire protocol over PostgreSQL, or SQLite) for local and CI
// runs, where no mongod can be installed. It embeds FerretDB's public `ferretdb` package because a
// plain `go install` of FerretDB's own command panics on its missing generated version file.
package main

import (
	"context"
	"flag"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("data-dir", "./data", "directory for the SQLite databases (SQLite backend only)")
	pgURL := flag.String("postgresql-url", "", "PostgreSQL URL; when set, FerretDB stores its data there instead of SQLite")
	level := flag.String("log-level", "warn", "log level: debug, info, warn, error")
	flag.Parse()

	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatalf("cannot create data dir %s: %v", *dir, err)
	}

	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*level)); err != nil {
		log.Fatalf("bad -log-level %q: %v", *level, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))

	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
	}
	// PostgreSQL turns FerretDB's full-collection reads into SQL that PostgreSQL answers far faster
	// than SQLite (see issue 16's measurements); SQLite stays for a machine without PostgreSQL.
	if *pgURL != "" {
		config.Handler = "postgresql"
		config.PostgreSQLURL = *pgURL
	}
	f, err := ferretdb.New(config)
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	log.Printf("ferretdb listening on %s, data in %s", *listen, *dir)
	if err := f.Run(ctx); err != nil {
		log.Fatal(err)
	}
}
