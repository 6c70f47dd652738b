package main

import "testing"

// BenchmarkRootCommand is the command tree every klynge start builds
// before it runs anything: every command's help, flags and help flag,
// worded in the user's language.
func BenchmarkRootCommand(b *testing.B) {
	for _, lang := range []string{"da", "en"} {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a := &app{env: environment{getenv: func(string) string { return "" }}, argLang: lang}
				if root := a.rootCommand(); !root.HasSubCommands() {
					b.Fatal("no commands")
				}
			}
		})
	}
}
