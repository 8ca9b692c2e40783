using StreamRisk.Core.Events;
using StreamRisk.Core.Sentiment;

namespace StreamRisk.Nlp.Tests.Sentiment;

/// <summary>Requests whose mentions are found by position in the text, as the gazetteer would report them.</summary>
internal static class AbsaRequests
{
    public static AspectRequest For(string text, string issuerId, params string[] surfaces)
    {
        var mentions = new List<IssuerMention>();
        foreach (var surface in surfaces)
        {
            for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
                mentions.Add(new IssuerMention(issuerId, surface, at, at + surface.Length, "exact", 1.0));
        }
        return new AspectRequest(text, issuerId, mentions);
    }

    public static IReadOnlyList<AspectRequest> Mixed()
    {
        var filler = string.Join(' ', Enumerable.Repeat("the market traded sideways while analysts waited for data", 30));
        return
        [
            For("Meridian Holdings beat estimates.", "MER", "Meridian Holdings"),
            For("Apex Energy cut its dividend after Meridian Holdings sued it over the pipeline.", "APX", "Apex Energy"),
            For("Apex Energy cut its dividend after Meridian Holdings sued it over the pipeline.", "MER", "Meridian Holdings"),
            For($"Zenith Trading opened. {filler} Zenith Trading closed higher.", "ZEN", "Zenith Trading"),
            For("Bonds of Harbor Bank rallied; Harbor Bank's spread tightened by 20bp.", "HRB", "Harbor Bank"),
            For("Société Générale and 股份 named no one we track.", "SG", "Société Générale"),
            For("", "NONE"),
        ];
    }
}
