namespace StreamRisk.Core.Sentiment;

/// <summary>
/// Splits text into words and clause/sentence boundaries in one pass over the characters (no regex, no strings),
/// writing into a caller-owned buffer so the hot path reuses its memory.
/// </summary>
public static class SentimentTokenizer
{
    /// <summary>Tokenises <paramref name="text"/> into <paramref name="buffer"/> (grown when needed); returns the token count.</summary>
    public static int Tokenize(string text, ref TextToken[] buffer)
    {
        var count = 0;
        var i = 0;
        var length = text.Length;
        while (i < length)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                // CJK scripts do not separate words with spaces: one ideograph or kana is one token.
                Append(ref buffer, ref count, new TextToken(i, 1, TokenKind.Word));
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var start = i++;
                while (i < length && ContinuesWord(text, i))
                {
                    i++;
                }

                Append(ref buffer, ref count, new TextToken(start, i - start, TokenKind.Word));
                continue;
            }

            var kind = BoundaryKind(text, i);
            if (kind != TokenKind.Word)
            {
                AppendBoundary(ref buffer, ref count, i, kind);
            }

            i++;
        }

        return count;
    }

    /// <summary>Han ideographs and Japanese kana.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static bool ContinuesWord(string text, int i)
    {
        var c = text[i];
        if (c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) && !IsCjk(c))
        {
            return true;
        }

        return c is '\'' or '\u2019' or '-' or '.' or ',' && JoinsWord(text, i);
    }

    /// <summary>Punctuation that belongs inside a word: don't, above-average, 3.5, 1,000.</summary>
    private static bool JoinsWord(string text, int i)
    {
        if (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]) || IsCjk(text[i + 1]))
        {
            return false;
        }

        return text[i] is '.' or ','
            ? char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])
            : char.IsLetterOrDigit(text[i - 1]);
    }

    /// <summary><see cref="TokenKind.Word"/> means "not a boundary": the character is skipped.</summary>
    private static TokenKind BoundaryKind(string text, int i) => text[i] switch
    {
        '.' => EndsSentence(text, i) ? TokenKind.SentenceBreak : TokenKind.Word,
        '!' or '?' or '\n' or '\u3002' or '\uFF01' or '\uFF1F' => TokenKind.SentenceBreak,
        ',' or ';' or ':' or '(' or ')' or '[' or ']' or '\u2013' or '\u2014' => TokenKind.ClauseBreak,
        '\uFF0C' or '\uFF1B' or '\uFF1A' or '\u3001' => TokenKind.ClauseBreak,
        '-' => IsSpacedDash(text, i) ? TokenKind.ClauseBreak : TokenKind.Word,
        _ => TokenKind.Word,
    };

    /// <summary>A full stop ends a sentence unless it sits inside a token (U.S) or an abbreviation is followed by lower case ("Inc. said").</summary>
    private static bool EndsSentence(string text, int i)
    {
        var j = i + 1;
        if (j >= text.Length)
        {
            return true;
        }

        if (char.IsLetterOrDigit(text[j]))
        {
            return false;
        }

        while (j < text.Length && char.IsWhiteSpace(text[j]) && text[j] != '\n')
        {
            j++;
        }

        return j >= text.Length || !(char.IsLower(text[j]) || char.IsDigit(text[j]));
    }

    private static bool IsSpacedDash(string text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsWhiteSpace(text[i - 1]) && char.IsWhiteSpace(text[i + 1]);

    private static void AppendBoundary(ref TextToken[] buffer, ref int count, int position, TokenKind kind)
    {
        if (count == 0)
        {
            return;
        }

        // Runs of boundaries collapse into one; the stronger kind wins.
        ref var last = ref buffer[count - 1];
        if (last.Kind != TokenKind.Word)
        {
            if (kind == TokenKind.SentenceBreak && last.Kind == TokenKind.ClauseBreak)
            {
                last = last with { Kind = TokenKind.SentenceBreak };
            }

            return;
        }

        Append(ref buffer, ref count, new TextToken(position, 1, kind));
    }

    private static void Append(ref TextToken[] buffer, ref int count, TextToken token)
    {
        if (count == buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(64, buffer.Length * 2));
        }

        buffer[count++] = token;
    }
}
