using StreamRisk.Core.Text;

namespace StreamRisk.Core.Reference;

/// <summary>
/// The name checks of an issuer file, after its rows parsed: names too short to match safely are ignored, and a name
/// several issuers share is resolved. Each case is reported as a <see cref="ReferenceDataWarning"/> with file and line:
/// the file still loads (one bad alias should not stop a run), but nothing is dropped silently.
/// </summary>
/// <remarks>
/// <para>Too short: a legal name or alias with fewer than two letters or digits ("A", "-"), or a ticker with none, would
/// match at almost any word boundary; it is ignored (<see cref="IssuerNameRules"/>). A one-letter ticker stays: it is
/// matched only as "&lt;F&gt;".</para>
/// <para>Shared: a name (compared as the gazetteer folds it: case- and width-blind) that is a legal name, alias or ticker
/// of two or more issuers. If it is the legal name of exactly one of them, it stays with that issuer and is removed from
/// the others' aliases and tickers. Otherwise a text using it could mean any of them, and scoring every one of them
/// with that text's sentiment would move credit indices on a guess: it is removed from all their aliases and tickers,
/// so it links to none (their other names still link). Two issuers with the same legal name keep it, and the gazetteer
/// links it to neither.</para>
/// </remarks>
internal static class IssuerNameChecks
{
    private const string LegalName = "legal_name", Aliases = "aliases", Tickers = "tickers";

    private readonly record struct Claim(int Issuer, string Field, string Name);

    public static IReadOnlyList<Issuer> Apply(string fileName, IReadOnlyList<(Issuer Issuer, int Line)> rows, ICollection<ReferenceDataWarning>? warnings)
    {
        var found = new List<ReferenceDataWarning>();
        var issuers = new List<Issuer>(rows.Count);
        foreach (var (issuer, line) in rows)
        {
            if (!IssuerNameRules.IsMatchableName(issuer.LegalName))
            {
                found.Add(new(fileName, line, LegalName,
                    $"legal name '{issuer.LegalName}' of '{issuer.IssuerId}' has fewer than {IssuerNameRules.MinLettersOrDigits} letters or digits and would match almost any text: it is not matched (the issuer is found by its aliases and tickers only); write the name in full"));
            }
            var aliases = Keep(issuer.Aliases, IssuerNameRules.IsMatchableName, alias => found.Add(new(fileName, line, Aliases,
                $"alias '{alias}' of '{issuer.IssuerId}' has fewer than {IssuerNameRules.MinLettersOrDigits} letters or digits and would match almost any text: it is ignored; remove it or write the name in full")));
            var tickers = Keep(issuer.Tickers, IssuerNameRules.IsMatchableTicker, ticker => found.Add(new(fileName, line, Tickers,
                $"ticker '{ticker}' of '{issuer.IssuerId}' has no letter or digit and would match almost any text: it is ignored; remove it")));
            issuers.Add(issuer with { Aliases = aliases, Tickers = tickers });
        }

        var claims = new Dictionary<string, List<Claim>>(StringComparer.Ordinal);
        void Add(string name, int issuer, string field)
        {
            var key = FoldedText.FoldName(name);
            if (key.Length == 0) return;
            if (!claims.TryGetValue(key, out var list)) claims[key] = list = [];
            list.Add(new Claim(issuer, field, name));
        }
        for (var i = 0; i < issuers.Count; i++)
        {
            if (IssuerNameRules.IsMatchableName(issuers[i].LegalName)) Add(issuers[i].LegalName, i, LegalName);
            foreach (var alias in issuers[i].Aliases) Add(alias, i, Aliases);
            foreach (var ticker in issuers[i].Tickers) Add(ticker, i, Tickers);
        }
        // Claims are added in file order, so the first claim of a key is its first line: warnings come out in file order.
        foreach (var (key, list) in claims.OrderBy(c => c.Value[0].Issuer).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            var owners = list.Select(c => c.Issuer).Distinct().ToList();
            if (owners.Count < 2) continue;
            var legalOwners = list.Where(c => c.Field == LegalName).Select(c => c.Issuer).Distinct().ToList();
            int? keeper = legalOwners.Count == 1 ? legalOwners[0] : null;
            foreach (var owner in owners.Where(o => o != keeper))
            {
                issuers[owner] = issuers[owner] with
                {
                    Aliases = issuers[owner].Aliases.Where(a => FoldedText.FoldName(a) != key).ToList(),
                    Tickers = issuers[owner].Tickers.Where(t => FoldedText.FoldName(t) != key).ToList(),
                };
            }

            var name = list[0].Name;
            var named = string.Join(", ", list.Select(c => $"'{issuers[c.Issuer].IssuerId}' (line {rows[c.Issuer].Line}, {c.Field})").Distinct());
            var removed = list.Where(c => c.Field != LegalName && c.Issuer != keeper).ToList();
            var at = removed.Count > 0 ? removed[0] : list[0];
            var others = string.Join(", ", owners.Where(o => o != keeper).Select(o => $"'{issuers[o].IssuerId}'"));
            var resolution = keeper is { } k
                ? $"it stays with '{issuers[k].IssuerId}', whose legal name it is, and is removed from the aliases and tickers of {others}; give them a more specific alias if texts mean them by it"
                : legalOwners.Count > 1
                    ? "it is the legal name of several of them, so the gazetteer links it to none (it is removed from the aliases and tickers of the others); make the legal names distinct"
                    : $"a text using it could mean any of them, so it links to none: it is removed from all their aliases and tickers (their other names still link); keep it on the one issuer it means, or make it specific";
            found.Add(new(fileName, rows[at.Issuer].Line, at.Field, $"'{name}' names {owners.Count} issuers: {named}. Resolved: {resolution}"));
        }

        if (warnings is not null)
        {
            foreach (var warning in found.OrderBy(w => w.LineNumber))
            {
                warnings.Add(warning);
            }
        }
        return issuers;
    }

    private static List<string> Keep(IReadOnlyList<string> names, Func<string, bool> matchable, Action<string> ignored)
    {
        var kept = new List<string>(names.Count);
        foreach (var name in names)
        {
            if (matchable(name)) kept.Add(name);
            else ignored(name);
        }
        return kept;
    }
}
