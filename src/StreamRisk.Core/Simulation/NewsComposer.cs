using System.Globalization;
using System.Text;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Simulation;

/// <summary>A headline and body.</summary>
public readonly record struct ComposedText(string Headline, string Body);

/// <summary>Why an issuer publishes an important notice.</summary>
public enum NoticeReason { Extension, Default, LateFiling, Routine }

/// <summary>
/// Writes the simulated texts from <see cref="NewsPhrasebook"/>: varied frames, attributions, quotes and context
/// sentences, issuers named by legal name, alias or ticker. Draws only from its own random stream, so wording changes
/// never move the event schedule.
/// </summary>
public sealed class NewsComposer
{
    private readonly Pcg32 _random;
    private readonly StringBuilder _text = new(512);
    private int _year = 2000;

    public NewsComposer(Pcg32 random) => _random = random;

    /// <summary>The day the next texts are written on (for years and weekdays in the wording).</summary>
    public void SetDay(DateOnly day) => _year = day.Year;

    public ComposedText Single(Issuer issuer, string industryName, int polarity)
    {
        var events = polarity > 0 ? NewsPhrasebook.GoodEvents : polarity < 0 ? NewsPhrasebook.BadEvents : NewsPhrasebook.PlainEvents;
        var quotes = polarity > 0 ? NewsPhrasebook.GoodQuotes : polarity < 0 ? NewsPhrasebook.BadQuotes : NewsPhrasebook.PlainQuotes;
        var context = polarity > 0 ? NewsPhrasebook.GoodContext : polarity < 0 ? NewsPhrasebook.BadContext : NewsPhrasebook.PlainContext;
        var (headline, clause) = events[_random.NextInt(events.Length)];

        _text.Clear();
        var attribution = Pick(NewsPhrasebook.Attributions);
        if (_random.NextBool(0.5)) _text.Append(Capitalise(clause)).Append(", ").Append(attribution).Append('.');
        else _text.Append(Capitalise(attribution)).Append(": ").Append(clause).Append('.');
        if (_random.NextBool(0.6)) _text.Append(' ').Append(Pick(quotes));
        _text.Append(' ').Append(Pick(context));
        if (_random.NextBool(0.5)) _text.Append(' ').Append(Pick(NewsPhrasebook.PlainContext));

        var body = Fill(_text.ToString(), issuer, industryName, polarity);
        return new ComposedText(Fill(headline, issuer, industryName, polarity, headline: true), body);
    }

    public ComposedText Pair(Issuer rising, Issuer falling, string industryName)
    {
        var frame = Pick(NewsPhrasebook.PairFrames)
            .Replace("{UPVERB}", Pick(NewsPhrasebook.RisingVerbs), StringComparison.Ordinal)
            .Replace("{DOWNVERB}", Pick(NewsPhrasebook.FallingVerbs), StringComparison.Ordinal)
            .Replace("{UPREASON}", Pick(NewsPhrasebook.GoodReasons), StringComparison.Ordinal)
            .Replace("{DOWNREASON}", Pick(NewsPhrasebook.BadReasons), StringComparison.Ordinal);
        var body = frame.Replace("{UP}", FirstMention(rising), StringComparison.Ordinal)
            .Replace("{DOWN}", FirstMention(falling), StringComparison.Ordinal);
        if (_random.NextBool(0.5)) body += " " + Pick(NewsPhrasebook.PlainContext);
        var headline = Pick(NewsPhrasebook.PairHeadlines)
            .Replace("{UP}", rising.Aliases.Count > 0 ? rising.Aliases[0] : rising.LegalName, StringComparison.Ordinal)
            .Replace("{DOWN}", falling.Aliases.Count > 0 ? falling.Aliases[0] : falling.LegalName, StringComparison.Ordinal);
        return new ComposedText(Fill(headline, null, industryName, 0), Fill(body, null, industryName, 0));
    }

    public ComposedText Industry(string industryName, string topicName, int polarity)
    {
        var effects = polarity > 0 ? NewsPhrasebook.IndustryGoodEffects : polarity < 0 ? NewsPhrasebook.IndustryBadEffects : NewsPhrasebook.IndustryPlainEffects;
        var industry = industryName.ToLowerInvariant();
        var topic = topicName.ToLowerInvariant();
        var body = Pick(NewsPhrasebook.IndustryFrames).Replace("{EFFECT}", Pick(effects), StringComparison.Ordinal);
        if (polarity != 0) body += " " + (polarity > 0 ? "Companies in the sector could see orders pick up within months." : "Companies in the sector may have to delay investment plans.");
        var headline = Capitalise(Pick(NewsPhrasebook.IndustryHeadlines).Replace("{TOPIC}", topic, StringComparison.Ordinal)
            .Replace("{IND}", industry, StringComparison.Ordinal));
        return new ComposedText(headline, Capitalise(Fill(body.Replace("{TOPIC}", topic, StringComparison.Ordinal), null, industry, polarity)));
    }

    public ComposedText Rumour(Issuer issuer, int polarity)
    {
        var (headline, body) = Pick(polarity > 0 ? NewsPhrasebook.GoodRumours : NewsPhrasebook.BadRumours);
        return new ComposedText(Fill(headline, issuer, "", polarity, headline: true),
            Fill(body + " The company did not respond to a request for comment.", issuer, "", polarity));
    }

    /// <param name="polarity">The denial's own tone: the opposite of the rumour it answers.</param>
    public ComposedText Denial(Issuer issuer, int polarity)
    {
        var (headline, body) = Pick(polarity > 0 ? NewsPhrasebook.GoodDenials : NewsPhrasebook.BadDenials);
        return new ComposedText(Fill(headline, issuer, "", polarity, headline: true), Fill(body, issuer, "", polarity));
    }

    public ComposedText Noise()
    {
        var (headline, body) = Pick(NewsPhrasebook.NoiseItems);
        return new ComposedText(Fill(headline, null, "", 0), Fill(body, null, "", 0));
    }

    /// <summary>A near-duplicate: the same story re-sent with light edits (headline case, a sentence dropped or added).</summary>
    public ComposedText NearDuplicate(ComposedText original)
    {
        var headline = _random.NextBool(0.5) ? original.Headline.ToUpperInvariant() : "UPDATE 1-" + original.Headline;
        var body = original.Body;
        var lastStop = body.LastIndexOf(". ", StringComparison.Ordinal);
        body = _random.NextBool(0.5) && lastStop > 0 ? body[..(lastStop + 1)] : body + " (Updates with background.)";
        return new ComposedText(headline, body);
    }

    public ComposedText RiskFactors(Issuer issuer, string industryName, bool distressed)
    {
        _text.Clear();
        _text.Append("Risk factors. An investment in the notes of ").Append(issuer.LegalName).Append(" involves risks. ");
        _text.Append("Our results depend on conditions in ").Append(industryName.ToLowerInvariant()).Append(" and on the wider economy. ");
        _text.Append("We rely on a limited number of suppliers for some inputs. Changes in interest rates may raise our financing costs. ");
        if (distressed)
        {
            _text.Append("Our cash and available facilities may not be sufficient to meet obligations falling due within the next twelve months, ");
            _text.Append("and there is material uncertainty about our ability to continue as a going concern. ");
        }
        else
        {
            _text.Append("We believe our cash and committed facilities cover our needs for at least the next twelve months. ");
        }

        _text.Append("Holders should read this section together with the financial statements.");
        return new ComposedText($"{issuer.LegalName}: risk factors", _text.ToString());
    }

    public ComposedText Notice(Issuer issuer, NoticeReason reason)
    {
        var body = reason switch
        {
            NoticeReason.Extension => $"Important notice. {issuer.LegalName} announces that, with the consent of holders, the payment of principal due on its notes is deferred and the maturity extended by twelve months. Interest continues to accrue.",
            NoticeReason.Default => $"Important notice. {issuer.LegalName} did not make the payment due on its notes on the scheduled date and the grace period has expired. The company is in discussions with its creditors.",
            NoticeReason.LateFiling => $"Important notice. {issuer.LegalName} will not publish its periodic report by the statutory deadline and expects to file it as soon as the audit is completed.",
            _ => $"Important notice. {issuer.LegalName} informs holders that its paying agent's address has changed. No action is required.",
        };
        return new ComposedText($"Important notice - {issuer.LegalName}", body);
    }

    private string FirstMention(Issuer issuer)
    {
        var roll = _random.NextDouble();
        if (roll < 0.45 || issuer.Aliases.Count == 0) return issuer.LegalName;
        if (roll < 0.85) return issuer.Aliases[_random.NextInt(issuer.Aliases.Count)];
        return issuer.Tickers.Count > 0 ? $"{issuer.Aliases[0]} ({issuer.Tickers[0]})" : issuer.Aliases[0];
    }

    private string Fill(string template, Issuer? issuer, string industryName, int polarity, bool headline = false)
    {
        var text = new StringBuilder(template, template.Length + 64);
        if (issuer is not null)
        {
            var first = template.IndexOf("{A}", StringComparison.Ordinal);
            if (first >= 0)
            {
                var name = headline ? (issuer.Aliases.Count > 0 ? issuer.Aliases[0] : issuer.LegalName) : FirstMention(issuer);
                text.Remove(first, 3).Insert(first, name);
                text.Replace("{A}", issuer.Aliases.Count > 0 ? issuer.Aliases[0] : issuer.LegalName);
            }
        }

        Replace(text, "{IND}", industryName.ToLowerInvariant());
        ReplaceWithPick(text, "{CITY}", NewsPhrasebook.Cities);
        ReplaceWithPick(text, "{DAY}", NewsPhrasebook.Weekdays);
        if (Contains(text, "{PERSON}"))
            text.Replace("{PERSON}", Pick(NewsPhrasebook.FirstNames) + " " + Pick(NewsPhrasebook.Surnames));
        if (Contains(text, "{YEAR}")) text.Replace("{YEAR}", Number(_year + 2 + _random.NextInt(8)));
        if (Contains(text, "{N}")) text.Replace("{N}", Number(20 + _random.NextInt(1980)));
        if (Contains(text, "{DECADE}")) text.Replace("{DECADE}", Number(1900 + 10 * _random.NextInt(9)));
        if (Contains(text, "{PCT}")) text.Replace("{PCT}", (0.5 + _random.NextInt(80) / 10.0).ToString("0.0", CultureInfo.InvariantCulture));
        if (Contains(text, "{PRICE}"))
        {
            var price = polarity >= 0 ? 96 + _random.NextInt(9) : 55 + _random.NextInt(38);
            text.Replace("{PRICE}", Number(price));
        }

        return text.ToString();
    }

    private static void Replace(StringBuilder text, string placeholder, string value)
    {
        if (Contains(text, placeholder)) text.Replace(placeholder, value);
    }

    private void ReplaceWithPick(StringBuilder text, string placeholder, string[] choices)
    {
        if (Contains(text, placeholder)) text.Replace(placeholder, Pick(choices));
    }

    private static bool Contains(StringBuilder text, string placeholder)
    {
        for (var i = 0; i + placeholder.Length <= text.Length; i++)
        {
            if (text[i] != placeholder[0]) continue;
            var match = true;
            for (var j = 1; j < placeholder.Length && match; j++) match = text[i + j] == placeholder[j];
            if (match) return true;
        }

        return false;
    }

    private T Pick<T>(T[] items) => items[_random.NextInt(items.Length)];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Capitalise(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
