namespace StreamRisk.Core.Text;

/// <summary>
/// Links near-miss names ("Exxon Mobill", "Chevron Corporaton") to issuers: candidates are runs of one to four
/// capitalised Latin words outside exact mentions, compared with Jaro–Winkler against the issuers' names with
/// legal-form words removed. Blocking: a name is compared only when its first word is at most one edit away from
/// the candidate's first word (found through an index of single-character deletions, so the look-up costs a few
/// hash probes whatever the size of the universe) and its length is close. That first-word rule is also a guard:
/// "Central Bank" is never compared with "Cascade Bank".
/// </summary>
internal sealed class FuzzyIssuerLinker
{
    // A lone word shorter than this is not linked by similarity: short single words are where person names and
    // ordinary words sit one letter from a brand ("Priya" → "Priva" made 98 % of the false links on simulated news).
    private const int MinSingleWordCandidate = 6;

    private const int MaxCapitalisedTokens = 4;
    private const int MinEditableWord = 4;

    private readonly FuzzyName[][] _namesByHead;
    private readonly Dictionary<string, int[]> _headsByDeletion;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _headLookup;
    private readonly double _threshold;
    private readonly double _strictThreshold;

    private readonly record struct FuzzyName(string Name, int Issuer, int Tokens);

    /// <param name="threshold">Similarity a candidate of two or more words needs.</param>
    /// <param name="strictThreshold">Similarity a one-word candidate needs, and a candidate that would replace an
    /// exact suffix-less match ("Chevron" in "Chevron Corporaton"): single words are where common words and
    /// unrelated names come close by chance.</param>
    public FuzzyIssuerLinker(IEnumerable<(string Name, int Issuer)> foldedNames, double threshold, double strictThreshold)
    {
        _threshold = threshold;
        _strictThreshold = Math.Max(threshold, strictThreshold);
        var byHead = foldedNames
            .Where(n => n.Name.Length > 0)
            .GroupBy(n => HeadOf(n.Name), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        _namesByHead = byHead
            .Select(g => g.Select(n => new FuzzyName(n.Name, n.Issuer, CountTokens(n.Name)))
                .OrderBy(n => n.Name.Length).ThenBy(n => n.Name, StringComparer.Ordinal).ToArray())
            .ToArray();
        var deletions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var h = 0; h < byHead.Count; h++)
        {
            var head = byHead[h].Key;
            foreach (var key in DeletionsOf(head))
            {
                if (!deletions.TryGetValue(key, out var heads)) deletions[key] = heads = [];
                if (heads.Count == 0 || heads[^1] != h) heads.Add(h);
            }
        }
        _headsByDeletion = deletions.ToDictionary(d => d.Key, d => d.Value.ToArray(), StringComparer.Ordinal);
        _headLookup = _headsByDeletion.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static string HeadOf(string name)
    {
        var space = name.IndexOf(' ');
        return space < 0 ? name : name[..space];
    }

    /// <summary>
    /// The word itself and every string one character shorter: two words within one edit share one of these.
    /// Words under four characters are matched as they are: one edit away from "in" is half the dictionary.
    /// </summary>
    private static IEnumerable<string> DeletionsOf(string word)
    {
        yield return word;
        if (word.Length < MinEditableWord) yield break;
        for (var i = 0; i < word.Length; i++) yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
    }

    /// <summary>Heads (first words of names) at most one edit from <paramref name="word"/>, into <paramref name="heads"/>.</summary>
    private void FindHeads(ReadOnlySpan<char> word, List<int> heads)
    {
        heads.Clear();
        AddHeads(word, heads);
        if (word.Length < MinEditableWord || word.Length > 64) return;
        Span<char> buffer = stackalloc char[word.Length - 1];
        for (var i = 0; i < word.Length; i++)
        {
            word[..i].CopyTo(buffer);
            word[(i + 1)..].CopyTo(buffer[i..]);
            AddHeads(buffer, heads);
        }
    }

    private void AddHeads(ReadOnlySpan<char> key, List<int> heads)
    {
        if (!_headLookup.TryGetValue(key, out var found)) return;
        foreach (var h in found)
            if (!heads.Contains(h)) heads.Add(h);
    }

    /// <summary>
    /// Adds fuzzy mentions to <c>scratch.Linked</c> and marks in <c>scratch.Suppressed</c> the exact suffix-less
    /// matches a longer fuzzy mention of the same issuer replaces.
    /// </summary>
    public void Link(RecognitionScratch scratch)
    {
        var text = scratch.Text;
        var exact = scratch.Exact;
        scratch.Linked.Clear();
        scratch.EnsureCapacity(text.Length, exact.Count);
        Array.Clear(scratch.Cover, 0, text.Length);
        Array.Clear(scratch.Suppressed, 0, exact.Count);
        for (var k = 0; k < exact.Count; k++)
        {
            var m = exact[k];
            var cover = m.Kind == IssuerNameKind.SuffixVariant && m.Issuer >= 0 ? (byte)1 : (byte)2;
            for (var p = m.Start; p < m.End; p++)
            {
                scratch.Cover[p] = cover;
                scratch.CoverOwner[p] = k;
            }
        }

        Tokenize(scratch);
        var tokens = scratch.Tokens;
        var folded = text.Folded;
        var t = 0;
        while (t < tokens.Count)
        {
            if (!tokens[t].Capitalised || tokens[t].Cover == 2)
            {
                t++;
                continue;
            }
            var last = t;
            for (var u = t + 1; u < tokens.Count && IsJoiningGap(folded, tokens[u - 1].End, tokens[u].Start); u++)
            {
                var token = tokens[u];
                if (token.Cover == 2) break;
                if (token.Capitalised) last = u;
                else if (!token.Connector) break;
            }
            LinkRun(scratch, t, last);
            t = last + 1;
        }
    }

    private static void Tokenize(RecognitionScratch scratch)
    {
        var tokens = scratch.Tokens;
        tokens.Clear();
        var folded = scratch.Text.Folded;
        var cased = scratch.Text.CaseKept;
        var cover = scratch.Cover;
        var i = 0;
        while (i < cased.Length)
        {
            if (!CharFolding.IsWordChar(cased[i]))
            {
                i++;
                continue;
            }
            var start = i++;
            var segmentStart = start;
            while (i < cased.Length)
            {
                var c = cased[i];
                if (CharFolding.IsWordChar(c))
                {
                    i++;
                    continue;
                }
                var joinsWord = i + 1 < cased.Length && CharFolding.IsWordChar(cased[i + 1]);
                // "Coca-Cola" is one word, and so are abbreviated legal forms such as "S.A" or "p.l.c".
                if (!joinsWord || !(c == '-' || (c == '.' && i - segmentStart <= 2))) break;
                segmentStart = ++i;
            }
            var capitalised = CharFolding.IsLatinCapital(cased[start]);
            var word = folded[start..i];
            // Lower-case words matter only as connectors right after a capitalised word ("Bank of …"); the rest
            // are left out, and the gap they leave ends any run.
            var connector = !capitalised && word.Length <= 3 && tokens.Count > 0 && tokens[^1].Capitalised
                            && tokens[^1].End == start - 1 && folded[start - 1] == ' ' && CommonWords.IsConnector(word);
            if (!capitalised && !connector) continue;
            var common = capitalised && CommonWords.IsCommon(word);
            byte covered = 0;
            for (var p = start; p < i; p++) covered = Math.Max(covered, cover[p]);
            tokens.Add(new NameToken(start, i, capitalised, common, connector, covered));
        }
    }

    private static bool IsJoiningGap(ReadOnlySpan<char> folded, int from, int to)
    {
        var gap = folded[from..to];
        return gap is " " or " & ";
    }

    private void LinkRun(RecognitionScratch scratch, int first, int last)
    {
        var tokens = scratch.Tokens;
        var folded = scratch.Text.Folded;
        var windows = scratch.Windows;
        windows.Clear();
        for (var a = first; a <= last; a++)
        {
            var head = tokens[a];
            if (!head.Capitalised || head.Common) continue;
            FindHeads(folded[head.Start..head.End], scratch.Heads);
            if (scratch.Heads.Count == 0) continue;
            var longestName = 0;
            foreach (var h in scratch.Heads) longestName = Math.Max(longestName, _namesByHead[h][^1].Name.Length);
            var capitalised = 0;
            var uncovered = false;
            var soft = false;
            for (var b = a; b <= last; b++)
            {
                var tail = tokens[b];
                uncovered |= tail.Cover == 0;
                soft |= tail.Cover == 1;
                if (!tail.Capitalised) continue;
                if (++capitalised > MaxCapitalisedTokens) break;
                // Words already inside an exact mention are linked; only new words can make a new mention.
                if (!uncovered) continue;

                var stripped = LegalSuffixes.StripAll(folded[head.Start..tail.End]);
                if (stripped.Length == 0) continue;
                // Adding words never shortens the stripped candidate: once it outgrows every name, stop.
                if (stripped.Length - Slack(stripped.Length) > longestName) break;
                var words = CountTokens(stripped);
                if (words == 1 && stripped.Length < MinSingleWordCandidate) continue;
                var threshold = words == 1 || soft ? _strictThreshold : _threshold;
                var (issuer, similarity) = Best(stripped, words, threshold, scratch.Heads);
                if (issuer < 0) continue;
                if (soft && !ContainsOnlyOwnVariants(scratch, head.Start, tail.End, issuer)) continue;
                windows.Add(new FuzzyWindow(a, b, issuer, similarity));
            }
        }
        if (windows.Count == 0) return;

        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(windows).Sort(static (x, y) =>
            x.Similarity != y.Similarity ? y.Similarity.CompareTo(x.Similarity)
            : x.Last - x.First != y.Last - y.First ? (y.Last - y.First).CompareTo(x.Last - x.First)
            : x.First.CompareTo(y.First));
        var accepted = scratch.Accepted;
        accepted.Clear();
        foreach (var window in windows)
        {
            var overlaps = false;
            foreach (var kept in accepted)
                overlaps |= window.First <= kept.Last && kept.First <= window.Last;
            if (overlaps) continue;
            accepted.Add(window);
            var start = tokens[window.First].Start;
            var end = tokens[window.Last].End;
            for (var p = start; p < end; p++)
                if (scratch.Cover[p] == 1) scratch.Suppressed[scratch.CoverOwner[p]] = true;
            scratch.Linked.Add(new MentionCandidate(start, end, window.Issuer, IssuerNameKind.LegalName, true, window.Similarity));
        }
    }

    /// <summary>A fuzzy span may swallow exact suffix-less matches only whole and only of the issuer it links to.</summary>
    private static bool ContainsOnlyOwnVariants(RecognitionScratch scratch, int start, int end, int issuer)
    {
        for (var p = start; p < end; p++)
        {
            if (scratch.Cover[p] != 1) continue;
            var owner = scratch.Exact[scratch.CoverOwner[p]];
            if (owner.Issuer != issuer || owner.Start < start || owner.End > end) return false;
        }
        return true;
    }

    /// <summary>
    /// The issuer whose name (under one of <paramref name="heads"/>) is most similar, at least
    /// <paramref name="threshold"/>; -1 when none or a tie between issuers.
    /// </summary>
    private (int Issuer, double Similarity) Best(ReadOnlySpan<char> candidate, int words, double threshold, List<int> heads)
    {
        // Near misses are a few edits away: names much longer or shorter are not compared at all.
        var slack = Slack(candidate.Length);
        var shortest = candidate.Length - slack;
        var longest = candidate.Length + slack;
        var bestIssuer = -1;
        var best = 0.0;
        var tied = false;
        foreach (var h in heads)
        {
            var names = _namesByHead[h];
            var lo = 0;
            var hi = names.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (names[mid].Name.Length < shortest) lo = mid + 1;
                else hi = mid;
            }
            for (var k = lo; k < names.Length && names[k].Name.Length <= longest; k++)
            {
                var name = names[k];
                if (Math.Abs(name.Tokens - words) > 1) continue;
                var prefix = JaroWinkler.CommonPrefix(candidate, name.Name);
                var bound = JaroWinkler.UpperBound(candidate.Length, name.Name.Length, prefix);
                if (bound < threshold || bound < best) continue;
                var similarity = JaroWinkler.Similarity(candidate, name.Name);
                if (similarity < threshold) continue;
                if (similarity > best)
                {
                    best = similarity;
                    bestIssuer = name.Issuer;
                    tied = false;
                }
                else if (similarity == best && name.Issuer != bestIssuer)
                {
                    tied = true;
                }
            }
        }
        return tied ? (-1, 0) : (bestIssuer, best);
    }

    private static int Slack(int length) => Math.Max(2, length / 5);

    private static int CountTokens(ReadOnlySpan<char> folded)
    {
        var count = 1;
        foreach (var c in folded)
            if (c == ' ') count++;
        return count;
    }
}
