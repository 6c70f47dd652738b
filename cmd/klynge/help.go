package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// This file makes cobra speak the user's language: its help layout, the
// help flag and command, shell completion, flag parse errors, argument
// counts and required flags. Cobra's own texts are English; each is
// replaced here by a catalogue message (cli.Help…, cli.Err…), so
// `klynge --help` and a mistyped flag read wholly Danish or wholly English.

// langArg finds --lang in the raw arguments before cobra parses them: the
// help texts are worded when the command tree is built, which is before
// the flags are read. Arguments after "--" are not flags.
func langArg(args []string) string {
	lang := ""
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--":
			return lang
		case a == "--lang" && i+1 < len(args):
			lang = args[i+1]
			i++
		case strings.HasPrefix(a, "--lang="):
			lang = strings.TrimPrefix(a, "--lang=")
		}
	}
	return lang
}

// localize makes every command of the tree under root speak the printer's
// language: help and usage, the -h flag, the help and completion commands,
// flag errors, and an unknown subcommand.
func (a *app) localize(root *cobra.Command) {
	p := msg.For(a.language())
	root.SetHelpCommand(a.helpCommand(root))
	root.InitDefaultHelpCmd() // now, so that the walk below reaches it
	root.AddCommand(a.completionCommand(root))
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { writeHelp(c.OutOrStdout(), c, p) })
	root.SetUsageFunc(func(c *cobra.Command) error { return writeUsage(c.OutOrStderr(), c, p) })
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return flagError(c, err) })
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().BoolP("help", "h", false, p.T("cli.FlagHelp", c.CommandPath()))
		c.SuggestionsMinimumDistance = 2
		if c.HasSubCommands() && c.Run == nil && c.RunE == nil {
			// A group of commands: alone it shows its help; with an
			// argument that names none of its commands, it says so in
			// the user's language rather than cobra's English.
			c.Args = groupArgs
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// groupArgs refuses an argument to a group of commands: it names no
// command of the group.
func groupArgs(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if s := c.SuggestionsFor(args[0]); len(s) > 0 {
		return meeting.Errork(meeting.EINVALID, "cli.ErrUnknownCommandSuggest", args[0], c.CommandPath(), c.CommandPath()+" "+s[0])
	}
	return meeting.Errork(meeting.EINVALID, "cli.ErrUnknownCommand", args[0], c.CommandPath())
}

// useLine is the command's usage line, as cobra's UseLine but with the
// placeholder for flags in the user's language.
func useLine(c *cobra.Command, p *msg.Printer) string {
	line := c.Use
	if c.HasParent() {
		line = c.Parent().CommandPath() + " " + c.Use
	}
	if c.HasAvailableFlags() {
		line += " " + p.T("cli.HelpFlagsArg")
	}
	return line
}

// writeHelp is cobra's help in the user's language: the long description
// (or the short one), then the usage.
func writeHelp(w io.Writer, c *cobra.Command, p *msg.Printer) {
	text := c.Long
	if text == "" {
		text = c.Short
	}
	if text = strings.TrimRightFunc(text, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }); text != "" {
		fmt.Fprintln(w, reflow(text, helpWidth))
		fmt.Fprintln(w)
	}
	_ = writeUsage(w, c, p)
}

// writeUsage is cobra's usage block in the user's language, laid out as
// cobra lays it out.
func writeUsage(w io.Writer, c *cobra.Command, p *msg.Printer) error {
	var b strings.Builder
	b.WriteString(p.T("cli.HelpUsage"))
	if c.Runnable() && !c.HasAvailableSubCommands() {
		b.WriteString("\n  " + hang(useLine(c, p), 4, helpWidth))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " " + p.T("cli.HelpCommandArg"))
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n\n" + p.T("cli.HelpAliases") + "\n  " + c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\n" + p.T("cli.HelpExamples") + "\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + p.T("cli.HelpCommands"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				pad := sub.NamePadding() + 3
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), hang(sub.Short, pad, helpWidth))
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + p.T("cli.HelpFlags") + "\n" + flagUsages(c.LocalFlags(), p))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + p.T("cli.HelpGlobalFlags") + "\n" + flagUsages(c.InheritedFlags(), p))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + p.T("cli.HelpMore", c.CommandPath()))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// helpWidth is the width the help is wrapped to: the narrowest terminal
// klynge is made for, so that no line of it breaks mid-word at 80 columns.
const helpWidth = 80

// hang wraps text to width, a first line that starts at column indent and
// the lines after it indented by as much.
func hang(text string, indent, width int) string {
	words := strings.Fields(text)
	var b strings.Builder
	col := indent
	for i, w := range words {
		n := len([]rune(w))
		switch {
		case i == 0:
		case col+1+n > width:
			b.WriteString("\n" + strings.Repeat(" ", indent))
			col = indent
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}

// reflow wraps a command's description to width, paragraph by paragraph;
// a paragraph with an indented line (an example command) keeps its lines.
func reflow(text string, width int) string {
	paras := strings.Split(text, "\n\n")
	for i, p := range paras {
		if strings.Contains("\n"+p, "\n ") {
			continue
		}
		paras[i] = hang(p, 0, width)
	}
	return strings.Join(paras, "\n\n")
}

// flagUsages lists the flags as pflag does, with the value's name taken
// from the usage's `NAME` (every flag with a value has one, in the user's
// language) and the default worded by the catalogue.
func flagUsages(fs *pflag.FlagSet, p *msg.Printer) string {
	type row struct{ head, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		head := "      --" + f.Name
		if f.Shorthand != "" {
			head = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		switch name {
		case "string":
			name = p.T("cli.TypeText")
		case "int", "int64", "uint":
			name = p.T("cli.TypeNumber")
		}
		if name != "" {
			head += " " + name
		}
		switch f.DefValue {
		case "", "0", "false", "[]":
		default:
			usage += " " + p.T("cli.FlagDefault", f.DefValue)
		}
		rows = append(rows, row{head, usage})
		width = max(width, len([]rune(head)))
	})
	lines := make([]string, len(rows))
	for i, r := range rows {
		pad := strings.Repeat(" ", width-len([]rune(r.head)))
		lines[i] = r.head + pad + "   " + hang(r.usage, width+3, helpWidth)
	}
	return strings.Join(lines, "\n")
}

// flagError words a flag that could not be parsed: unknown, missing its
// value, or with a value of the wrong kind.
func flagError(c *cobra.Command, err error) error {
	var notExist *pflag.NotExistError
	var needsValue *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &notExist):
		name := "--" + notExist.GetSpecifiedName()
		if notExist.GetSpecifiedShortnames() != "" {
			name = "-" + notExist.GetSpecifiedName()
		}
		return meeting.Errork(meeting.EINVALID, "cli.ErrUnknownFlag", name, c.CommandPath())
	case errors.As(err, &needsValue):
		return meeting.Errork(meeting.EINVALID, "cli.ErrFlagNeedsValue", "--"+needsValue.GetFlag().Name, c.CommandPath())
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		switch f.Value.Type() {
		case "int", "int64", "uint", "int32":
			return meeting.Errork(meeting.EINVALID, "cli.ErrFlagNotNumber", "--"+f.Name, invalid.GetValue())
		case "bool":
			return meeting.Errork(meeting.EINVALID, "cli.ErrFlagNotBool", "--"+f.Name, invalid.GetValue())
		}
		return meeting.Errork(meeting.EINVALID, "cli.ErrFlagBadValue", "--"+f.Name, invalid.GetValue(), c.CommandPath())
	case errors.As(err, &syntax):
		return meeting.Errork(meeting.EINVALID, "cli.ErrFlagSyntax", syntax.GetSpecifiedFlag(), c.CommandPath())
	}
	return err
}

// requiredFlags refuses a command whose required flags are not all given,
// before cobra would, in English.
func requiredFlags(c *cobra.Command) error {
	var missing []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if req := f.Annotations[cobra.BashCompOneRequiredFlag]; len(req) == 1 && req[0] == "true" && !f.Changed {
			missing = append(missing, "--"+f.Name)
		}
	})
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return meeting.Errork(meeting.EINVALID, "cli.ErrRequiredFlag", c.CommandPath(), missing[0])
	}
	return meeting.Errork(meeting.EINVALID, "cli.ErrRequiredFlags", c.CommandPath(), strings.Join(missing, ", "))
}

// Argument counts, as cobra's validators of the same names, worded by the
// catalogue. Each error names the command and shows how to call it.

func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return meeting.Errork(meeting.EINVALID, "cli.ErrNoArgs", c.CommandPath(), args[0])
	}
	return nil
}

func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return meeting.Errork(meeting.EINVALID, "cli.ErrExactArgs", c.CommandPath(), n, len(args), plainUse(c))
		}
		return nil
	}
}

func maxArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > n {
			return meeting.Errork(meeting.EINVALID, "cli.ErrMaxArgs", c.CommandPath(), n, len(args), plainUse(c))
		}
		return nil
	}
}

func minArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return meeting.Errork(meeting.EINVALID, "cli.ErrMinArgs", c.CommandPath(), n, len(args), plainUse(c))
		}
		return nil
	}
}

// anyArgs takes any arguments: the help command's are a command's path,
// which it checks itself.
func anyArgs(*cobra.Command, []string) error { return nil }

// plainUse is the command's usage line without the flags placeholder.
func plainUse(c *cobra.Command) string {
	if c.HasParent() {
		return c.Parent().CommandPath() + " " + c.Use
	}
	return c.Use
}

// helpCommand replaces cobra's help command, whose texts are English.
func (a *app) helpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help " + a.t("cli.UseHelp"),
		Short: a.t("cli.ShortHelp"),
		Args:  anyArgs,
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				return meeting.Errork(meeting.EINVALID, "cli.ErrNoHelpTopic", strings.Join(args, " "))
			}
			return target.Help()
		},
	}
}

// completionCommand replaces cobra's completion command, whose help is
// English: the same scripts, described in the user's language.
func (a *app) completionCommand(root *cobra.Command) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "completion",
		Short: a.t("cli.ShortCompletion"),
		Long:  a.t("cli.LongCompletion"),
	}
	for _, sh := range []struct {
		name string
		gen  func(io.Writer) error
	}{
		{"bash", func(w io.Writer) error { return root.GenBashCompletionV2(w, true) }},
		{"zsh", root.GenZshCompletion},
		{"fish", func(w io.Writer) error { return root.GenFishCompletion(w, true) }},
		{"powershell", root.GenPowerShellCompletionWithDesc},
	} {
		cmd.AddCommand(&cobra.Command{
			Use:   sh.name,
			Short: a.t("cli.ShortCompletionShell", sh.name),
			Args:  noArgs,
			RunE:  func(c *cobra.Command, _ []string) error { return sh.gen(c.OutOrStdout()) },
		})
	}
	return cmd
}
