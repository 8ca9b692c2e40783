namespace StreamRisk.Nlp.Tokenization;

/// <summary>Chooses the windows a long text is scored in: each centred on a mention not yet covered, so every
/// mention is seen with as much context on both sides as the model's length allows.</summary>
public static class AspectWindowPlanner
{
    /// <param name="tokenCount">Tokens in the text.</param>
    /// <param name="aspects">Mention token ranges (any order, may overlap).</param>
    /// <param name="maxTokens">Tokens a window may hold (the model's max length less [CLS] and [SEP]).</param>
    public static IReadOnlyList<AspectWindow> Plan(int tokenCount, IReadOnlyList<TokenRange> aspects, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        var sorted = new TokenRange[aspects.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = Clip(aspects[i], maxTokens);
        Array.Sort(sorted, static (a, b) => a.First != b.First ? a.First.CompareTo(b.First) : a.End.CompareTo(b.End));

        if (tokenCount <= maxTokens)
            return [new AspectWindow(new TokenRange(0, tokenCount), sorted)];

        var windows = new List<AspectWindow>();
        var covered = new bool[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            if (covered[i]) continue;
            var centre = (sorted[i].First + sorted[i].End) / 2;
            var start = Math.Clamp(centre - maxTokens / 2, 0, tokenCount - maxTokens);
            var window = new TokenRange(start, start + maxTokens);
            var inside = new List<TokenRange>();
            for (var j = 0; j < sorted.Length; j++)
            {
                if (sorted[j].First < window.First || sorted[j].End > window.End) continue;
                inside.Add(sorted[j]);
                covered[j] = true;
            }
            windows.Add(new AspectWindow(window, inside));
        }
        return windows;
    }

    // A mention longer than a whole window is scored on its first maxTokens tokens.
    private static TokenRange Clip(TokenRange r, int maxTokens) =>
        r.Length > maxTokens ? new TokenRange(r.First, r.First + maxTokens) : r;
}
