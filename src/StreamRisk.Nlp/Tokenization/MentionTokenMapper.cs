namespace StreamRisk.Nlp.Tokenization;

/// <summary>Maps a character span (a mention) to the tokens that overlap it.</summary>
public static class MentionTokenMapper
{
    /// <summary>The tokens overlapping [start, end), or null when none does (e.g. the span covers only spaces).</summary>
    public static TokenRange? Map(TokenizedText tokens, int start, int end)
    {
        // Token starts are increasing: binary search for the first token ending after the span starts.
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens.Ends[mid] <= start) lo = mid + 1;
            else hi = mid;
        }
        var last = lo;
        while (last < tokens.Count && tokens.Starts[last] < end) last++;
        return last > lo ? new TokenRange(lo, last) : null;
    }
}
