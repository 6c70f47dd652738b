package meeting

import (
	"errors"
	"fmt"
)

// Error codes. They say what kind of failure happened so callers can react
// without reading messages.
const (
	ECONFLICT = "conflict" // the action clashes with the current state
	EINTERNAL = "internal" // a bug or an unexpected failure
	EINVALID  = "invalid"  // bad input from the user or a file
	ENOTFOUND = "not_found"
	ELOCKED   = "locked" // another process holds the meeting
)

// Error is a failure with a code and a message a coordinator can act on.
// Message is in English; Danish, when set, is the same message in Danish
// (see ErrorMessageIn), for the errors a coordinator meets in the room.
//
// Key and Args, when Key is set, name the message in klynge's catalogue
// (package meeting/msg) and its arguments: the edge (TUI, CLI) words it in
// the user's language, so the domain holds no sentence at all. Message is
// then only a fallback for logs.
type Error struct {
	Code    string
	Message string
	Danish  string
	Key     string
	Args    []any
}

// Word is an argument of a keyed error that is itself a catalogue key, such
// as the name of a kind of item: the edge words it too.
type Word string

// Phrase is an argument of a keyed error that is itself a catalogue message
// with arguments, such as the action that failed ("save cluster %q"): the
// edge words it, and its arguments, in the same language as the sentence
// around it.
type Phrase struct {
	Key  string
	Args []any
}

// Ref is a number that names something, such as a database id or a
// process id: the catalogue prints it as it is ("meeting 4711"), where it
// would group a count's thousands ("4.711 læger").
type Ref int64

// Format implements fmt.Formatter, which the catalogue's printer honours.
func (r Ref) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "%d", int64(r)) }

// Worded is an error that can word itself through a catalogue in the
// language lang: t words a key with its arguments. ok is false when the
// error has no key.
type Worded interface {
	error
	Word(lang string, t func(key string, args ...any) string) (s string, ok bool)
}

// WordError words any error in lang through t: a keyed error by its key, a
// *TextError in lang, any other error as ErrorMessageIn does.
func WordError(err error, lang string, t func(key string, args ...any) string) string {
	var w Worded
	if errors.As(err, &w) {
		if s, ok := w.Word(lang, t); ok {
			return s
		}
	}
	var te *TextError
	if errors.As(err, &te) {
		return te.Message(lang)
	}
	return ErrorMessageIn(err, lang)
}

// Errork makes an *Error worded by the catalogue: key names the message,
// args fill it (a Word and a Phrase are worded too, a Worded error becomes
// its wording).
func Errork(code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args, Message: fmt.Sprintf("%s %v", key, args)}
}

// Word implements Worded.
func (e *Error) Word(lang string, t func(key string, args ...any) string) (string, bool) {
	if e.Key == "" {
		return "", false
	}
	return t(e.Key, wordArgs(e.Args, lang, t)...), true
}

// wordArgs words the arguments of a keyed message: a Word and a Phrase
// through the catalogue, an error as WordError does, anything else as it is.
func wordArgs(in []any, lang string, t func(key string, args ...any) string) []any {
	args := make([]any, len(in))
	for i, a := range in {
		switch v := a.(type) {
		case Word:
			args[i] = t(string(v))
		case Phrase:
			args[i] = t(v.Key, wordArgs(v.Args, lang, t)...)
		case error:
			args[i] = WordError(v, lang, t)
		default:
			args[i] = a
		}
	}
	return args
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("klynge error: code=%s message=%s", e.Code, e.Message)
}

// Errorf makes an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Errorfl makes an *Error worded in Danish (da) and English (en): two
// formats that take the same args.
//
// Deprecated: use Errork, whose key the catalogue words in either
// language and whose completeness its tests check.
func Errorfl(code, da, en string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(en, args...), Danish: fmt.Sprintf(da, args...)}
}

// ErrorCode returns the code of the *Error in err's chain, EINTERNAL for any
// other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the *Error in err's chain. Any other
// error is shown as-is so the user still sees the cause.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// ErrorMessageIn is ErrorMessage in the UI language lang ("da" or "en"):
// the Danish wording when lang is not English and the *Error has one.
func ErrorMessageIn(err error, lang string) string {
	var e *Error
	if lang != "en" && errors.As(err, &e) && e.Danish != "" {
		return e.Danish
	}
	return ErrorMessage(err)
}
