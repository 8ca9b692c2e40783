namespace StreamRisk.Core.IndustryText;

/// <summary>A grammar that would crash llama.cpp's parser: the message says where.</summary>
public sealed class GbnfGrammarException(string message) : Exception(message);

/// <summary>
/// A managed checker for the GBNF that llama.cpp accepts (rules <c>name ::= alternatives</c>; string literals; character
/// classes with ranges, negation and <c>\x</c>/<c>\u</c> escapes; groups; <c>? * +</c> and <c>{m}</c>, <c>{m,}</c>,
/// <c>{m,n}</c>; <c>#</c> comments). llama.cpp does not return an error for a malformed grammar or a missing root rule,
/// it aborts the process, so every grammar passes this check before it reaches native code.
/// </summary>
public static class GbnfGrammar
{
    /// <summary>Throws <see cref="GbnfGrammarException"/> unless <paramref name="gbnf"/> parses, defines <paramref name="root"/>
    /// and every rule it refers to, and defines no rule twice.</summary>
    public static void Validate(string gbnf, string root = AnswerGrammar.Root)
    {
        ArgumentNullException.ThrowIfNull(gbnf);
        var parser = new Parser(gbnf);
        parser.ParseGrammar();
        if (!parser.Defined.Contains(root))
        {
            throw new GbnfGrammarException($"the grammar defines no root rule '{root}'");
        }
        foreach (var (name, position) in parser.Referenced)
        {
            if (!parser.Defined.Contains(name))
            {
                throw new GbnfGrammarException($"rule '{name}' is used at offset {position} but never defined");
            }
        }
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public HashSet<string> Defined { get; } = new(StringComparer.Ordinal);
        public List<(string Name, int Position)> Referenced { get; } = [];

        public void ParseGrammar()
        {
            SkipSpace(newlines: true);
            if (_pos >= text.Length)
            {
                throw Error("the grammar is empty");
            }
            while (_pos < text.Length)
            {
                var name = Name();
                SkipSpace(newlines: false);
                if (!text.AsSpan(_pos).StartsWith("::="))
                {
                    throw Error($"expected '::=' after rule name '{name}'");
                }
                _pos += 3;
                if (!Defined.Add(name))
                {
                    throw Error($"rule '{name}' is defined twice");
                }
                Alternatives(depth: 0);
                SkipSpace(newlines: true);
            }
        }

        private void Alternatives(int depth)
        {
            Sequence(depth);
            while (true)
            {
                SkipSpace(newlines: depth > 0);
                if (Peek() != '|')
                {
                    return;
                }
                _pos++;
                SkipSpace(newlines: true);
                Sequence(depth);
            }
        }

        private void Sequence(int depth)
        {
            var items = 0;
            while (true)
            {
                SkipSpace(newlines: depth > 0);
                var c = Peek();
                if (c is '\0' or '\n' or '|' or ')')
                {
                    // An empty alternative is legal in llama.cpp ("a ::= | b"), so no item count check here.
                    if (c == ')' && depth == 0) throw Error("unmatched ')'");
                    return;
                }
                if (IsWordChar(c) && items > 0 && NextWordStartsRule())
                {
                    throw Error("a rule must start on a new line");
                }
                Primary(depth);
                Postfix();
                items++;
            }
        }

        private void Primary(int depth)
        {
            var c = Peek();
            if (c == '"')
            {
                _pos++;
                while (Peek() != '"')
                {
                    if (Peek() is '\0' or '\n') throw Error("unterminated string literal");
                    Char();
                }
                _pos++;
            }
            else if (c == '[')
            {
                _pos++;
                if (Peek() == '^') _pos++;
                var chars = 0;
                while (Peek() != ']')
                {
                    if (Peek() is '\0' or '\n') throw Error("unterminated character class");
                    Char();
                    if (Peek() == '-' && Peek(1) != ']')
                    {
                        _pos++;
                        Char();
                    }
                    chars++;
                }
                if (chars == 0) throw Error("empty character class");
                _pos++;
            }
            else if (c == '(')
            {
                _pos++;
                SkipSpace(newlines: true);
                Alternatives(depth + 1);
                SkipSpace(newlines: true);
                if (Peek() != ')') throw Error("expected ')'");
                _pos++;
            }
            else if (c == '.')
            {
                _pos++;
            }
            else if (IsWordChar(c))
            {
                var start = _pos;
                Referenced.Add((Name(), start));
            }
            else
            {
                throw Error($"unexpected '{c}'");
            }
        }

        private void Postfix()
        {
            var c = Peek();
            if (c is '?' or '*' or '+')
            {
                _pos++;
                return;
            }
            if (c != '{') return;
            _pos++;
            var min = Integer() ?? throw Error("expected a number after '{'");
            int? max = min;
            if (Peek() == ',')
            {
                _pos++;
                max = Integer();
            }
            if (Peek() != '}') throw Error("expected '}'");
            _pos++;
            if (max < min) throw Error($"repetition {{{min},{max}}} has its maximum below its minimum");
        }

        private int? Integer()
        {
            var start = _pos;
            while (char.IsAsciiDigit(Peek())) _pos++;
            return _pos == start ? null : int.Parse(text.AsSpan(start, _pos - start), System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>One character of a literal or class, escapes included.</summary>
        private void Char()
        {
            if (Peek() != '\\')
            {
                _pos++;
                return;
            }
            _pos++;
            var e = Peek();
            _pos++;
            var hexDigits = e switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
            if (hexDigits > 0)
            {
                for (var i = 0; i < hexDigits; i++)
                {
                    if (!char.IsAsciiHexDigit(Peek())) throw Error($"'\\{e}' needs {hexDigits} hex digits");
                    _pos++;
                }
            }
            else if (e is not ('"' or '\\' or '[' or ']' or 'n' or 'r' or 't' or '-' or '^'))
            {
                throw Error($"unknown escape '\\{e}'");
            }
        }

        private string Name()
        {
            var start = _pos;
            while (IsWordChar(Peek())) _pos++;
            if (_pos == start) throw Error($"expected a rule name, found '{Peek()}'");
            return text[start.._pos];
        }

        /// <summary>True when the word at the cursor is followed by '::=', i.e. a second rule on the same line.</summary>
        private bool NextWordStartsRule()
        {
            var p = _pos;
            while (p < text.Length && IsWordChar(text[p])) p++;
            while (p < text.Length && text[p] is ' ' or '\t') p++;
            return text.AsSpan(p).StartsWith("::=");
        }

        private void SkipSpace(bool newlines)
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '#')
                {
                    while (_pos < text.Length && text[_pos] != '\n') _pos++;
                }
                else if (c is ' ' or '\t' or '\r' || (newlines && c == '\n'))
                {
                    _pos++;
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek(int ahead = 0) => _pos + ahead < text.Length ? text[_pos + ahead] : '\0';

        private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

        private GbnfGrammarException Error(string what) => new($"GBNF error at offset {_pos}: {what}");
    }
}
