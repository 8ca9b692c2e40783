namespace StreamRisk.Core.Text;

/// <summary>
/// A text folded for matching (full width to ASCII, Latin diacritics and case removed, whitespace runs to one
/// space or, across a paragraph break, one "\n"; zero-width characters dropped; ligatures expanded), with the
/// original UTF-16 range each folded character came from. Folding changes length, so every span found in the
/// folded text is mapped back through that range. Reusable: <see cref="Fold"/> refills the same buffers.
/// </summary>
public sealed class FoldedText
{
    private char[] _lower = [];
    private char[] _cased = [];
    private int[] _start = [];
    private int[] _end = [];

    public string Original { get; private set; } = "";

    public int Length { get; private set; }

    /// <summary>Lower-case folded characters: what gazetteer patterns are matched against.</summary>
    public ReadOnlySpan<char> Folded => _lower.AsSpan(0, Length);

    /// <summary>The same characters with their case kept: for tickers and for spotting capitalised tokens.</summary>
    public ReadOnlySpan<char> CaseKept => _cased.AsSpan(0, Length);

    public static FoldedText Of(string text)
    {
        var folded = new FoldedText();
        folded.Fold(text);
        return folded;
    }

    /// <summary>The original range [Start, End) that folded characters [start, end) came from.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        if (start < 0 || end > Length || start >= end) throw new ArgumentOutOfRangeException(nameof(start));
        return (_start[start], _end[end - 1]);
    }

    public void Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Original = text;
        // A ligature expands to at most three characters.
        var capacity = text.Length * 3;
        if (_lower.Length < capacity)
        {
            var size = Math.Max(capacity, 64);
            _lower = new char[size];
            _cased = new char[size];
            _start = new int[size];
            _end = new int[size];
        }

        var n = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (CharFolding.Kind(c))
            {
                case CharFolding.Keep:
                    _lower[n] = CharFolding.Lower(c);
                    _cased[n] = CharFolding.Cased(c);
                    _start[n] = i;
                    _end[n] = i + 1;
                    n++;
                    i++;
                    break;
                case CharFolding.Ignorable:
                    i++;
                    break;
                case CharFolding.Ligature:
                    foreach (var part in CharFolding.LigatureOf(c))
                    {
                        _lower[n] = part;
                        _cased[n] = part;
                        _start[n] = i;
                        _end[n] = i + 1;
                        n++;
                    }
                    i++;
                    break;
                default:
                    n = AppendWhitespaceRun(text, ref i, n);
                    break;
            }
        }
        Length = n;
    }

    private int AppendWhitespaceRun(string text, ref int i, int n)
    {
        var runStart = i;
        var breaks = 0;
        while (i < text.Length)
        {
            var kind = CharFolding.Kind(text[i]);
            if (kind == CharFolding.LineBreak)
            {
                if (!(text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')) breaks++;
            }
            else if (kind is not (CharFolding.Space or CharFolding.Ignorable)) break;
            i++;
        }
        // A name never continues across a paragraph break, so that break folds to a non-space separator.
        var separator = breaks >= 2 ? '\n' : ' ';
        _lower[n] = separator;
        _cased[n] = separator;
        _start[n] = runStart;
        _end[n] = i;
        return n + 1;
    }

    /// <summary>Folds a gazetteer name the way texts are folded, without the offset map, trimmed.</summary>
    public static string FoldName(string name, bool keepCase = false)
    {
        var folded = Of(name);
        var span = (keepCase ? folded.CaseKept : folded.Folded).Trim(" \n".AsSpan());
        return new string(span);
    }
}
