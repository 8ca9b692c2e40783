using System.Globalization;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Simulation;

/// <summary>
/// Writes each day's news: issuer texts whose number and tone follow recent latent moves, two-issuer texts of opposite
/// tone, issuer-free industry texts on one topic, rumours and their later denials, noise, duplicates and late
/// deliveries. Returns each day's arrivals in arrival order; texts published earlier carry their earlier time.
/// </summary>
public sealed class Newsroom
{
    private const int HorizonDays = 80;
    private const double WeekdayVolume = 1.28;
    private const double WeekendVolume = 0.3;
    private const string Language = "en";

    private readonly SimulationOptions _options;
    private readonly IReadOnlyList<IssuerProfile> _issuers;
    private readonly IReadOnlyList<Industry> _industries;
    private readonly IReadOnlyList<Topic> _topics;
    private readonly List<(Topic Topic, double Weight)>[] _topicsByIndustry;
    private readonly List<int>[] _issuersByIndustry;
    private readonly LatentCreditProcess _process;
    private readonly IssuerStanding _standing;
    private readonly Pcg32 _random;
    private readonly NewsComposer _composer;
    private readonly DaySchedule<PendingText> _schedule = new(HorizonDays);
    private readonly List<PendingText> _today = [];
    private readonly string _idPrefix;
    private long _sequence;
    private DateOnly _day;

    public Newsroom(
        SimulationOptions options,
        IReadOnlyList<IssuerProfile> issuers,
        IReadOnlyList<Industry> industries,
        IReadOnlyList<Topic> topics,
        IReadOnlyList<TopicIndustryLink> topicIndustryLinks,
        LatentCreditProcess process,
        IssuerStanding standing)
    {
        if (options.IndustryShare > 0 && topics.Count == 0) throw new ArgumentException("industry texts need at least one topic", nameof(topics));
        _options = options;
        _issuers = issuers;
        _industries = industries;
        _topics = topics;
        _process = process;
        _standing = standing;
        _random = Pcg32.ForStream(options.Seed, "news");
        _composer = new NewsComposer(Pcg32.ForStream(options.Seed, "news-wording"));
        _idPrefix = "sim" + options.Seed.ToString("x", CultureInfo.InvariantCulture) + "-";

        var industryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < industries.Count; k++) industryIndex[industries[k].IndustryId] = k;
        var topicById = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var topic in topics) topicById[topic.TopicId] = topic;
        _topicsByIndustry = new List<(Topic, double)>[industries.Count];
        _issuersByIndustry = new List<int>[industries.Count];
        for (var k = 0; k < industries.Count; k++)
        {
            _topicsByIndustry[k] = [];
            _issuersByIndustry[k] = [];
        }

        foreach (var link in topicIndustryLinks)
        {
            if (link.Weight != 0 && industryIndex.TryGetValue(link.IndustryId, out var k) && topicById.TryGetValue(link.TopicId, out var topic))
                _topicsByIndustry[k].Add((topic, link.Weight));
        }

        foreach (var issuer in issuers) _issuersByIndustry[issuer.IndustryIndex].Add(issuer.Index);
    }

    /// <summary>Writes <paramref name="day"/>'s texts and returns everything arriving that day, in arrival order.</summary>
    public IReadOnlyList<NewsArrived> Write(DateOnly day)
    {
        _day = day;
        _composer.SetDay(day);
        _today.Clear();
        _today.AddRange(_schedule.Due);

        var issuerDrivenShare = 1.0 - _options.IndustryShare - _options.NoiseShare;
        var perDay = _options.NewsPerIssuerPerYear / 365.0 * (TradingCalendar.IsTradingDay(day) ? WeekdayVolume : WeekendVolume);
        var expectedIssuerTexts = 0.0;
        for (var i = 0; i < _issuers.Count; i++)
        {
            if (!_standing.IsLive(i, day)) continue;
            var change = _process.LatentChange(i, TextTone.LagTradingDays, TextTone.WindowTradingDays);
            var intensity = perDay * TextTone.VolumeWeight(change);
            expectedIssuerTexts += intensity;
            var count = _random.NextPoisson(intensity);
            for (var n = 0; n < count; n++) WriteIssuerText(i, change, issuerDrivenShare);
        }

        var perIssuerDriven = issuerDrivenShare > 0 ? expectedIssuerTexts / issuerDrivenShare : 0;
        var industryTexts = _random.NextPoisson(perIssuerDriven * _options.IndustryShare);
        for (var n = 0; n < industryTexts; n++) WriteIndustryText();
        var noiseTexts = _random.NextPoisson(perIssuerDriven * _options.NoiseShare);
        for (var n = 0; n < noiseTexts; n++)
        {
            var id = NextId();
            Deliver(id, _composer.Noise(), [new TextPolarity(id, null, null, null, 0, TextKind.Noise, false, null)]);
        }

        _today.Sort(static (a, b) => a.ArrivalSecond != b.ArrivalSecond ? a.ArrivalSecond.CompareTo(b.ArrivalSecond) : a.Sequence.CompareTo(b.Sequence));
        var arrivals = new NewsArrived[_today.Count];
        for (var n = 0; n < arrivals.Length; n++) arrivals[n] = new NewsArrived(day, _today[n].News, _today[n].Truth);
        _schedule.Advance();
        return arrivals;
    }

    private void WriteIssuerText(int issuer, double change, double issuerDrivenShare)
    {
        var roll = _random.NextDouble() * issuerDrivenShare;
        if (roll < _options.PairShare && WritePair(issuer)) return;
        if (roll >= _options.PairShare && roll < _options.PairShare + _options.RumourShare)
        {
            WriteRumour(issuer);
            return;
        }

        var polarity = TextTone.Sign(change, TextTone.IssuerNeutralBand);
        if (_random.NextBool(_options.MisleadingToneShare)) polarity = Misread(polarity);
        var profile = _issuers[issuer];
        var id = NextId();
        var text = _composer.Single(profile.Issuer, _industries[profile.IndustryIndex].Name, polarity);
        Deliver(id, text, [new TextPolarity(id, profile.Issuer.IssuerId, null, null, polarity, TextKind.Single, false, null)]);
    }

    /// <summary>Finds a second live issuer whose recent move opposes the first's; false when none turns up (tiny universes).</summary>
    private bool WritePair(int first)
    {
        var firstSign = IssuerSign(first);
        for (var tries = 0; firstSign == 0 && tries < 32; tries++)
        {
            var candidate = _random.NextInt(_issuers.Count);
            if (!_standing.IsLive(candidate, _day)) continue;
            firstSign = IssuerSign(candidate);
            if (firstSign != 0) first = candidate;
        }

        if (firstSign == 0) return false;
        var peers = _issuersByIndustry[_issuers[first].IndustryIndex];
        var second = -1;
        for (var tries = 0; tries < 48 && second < 0; tries++)
        {
            var candidate = tries < 16 ? peers[_random.NextInt(peers.Count)] : _random.NextInt(_issuers.Count);
            if (candidate != first && _standing.IsLive(candidate, _day) && IssuerSign(candidate) == -firstSign) second = candidate;
        }

        if (second < 0) return false;
        var (rising, falling) = firstSign > 0 ? (first, second) : (second, first);
        var id = NextId();
        var text = _composer.Pair(_issuers[rising].Issuer, _issuers[falling].Issuer, _industries[_issuers[rising].IndustryIndex].Name);
        Deliver(id, text,
        [
            new TextPolarity(id, _issuers[rising].Issuer.IssuerId, null, null, 1, TextKind.Pair, false, null),
            new TextPolarity(id, _issuers[falling].Issuer.IssuerId, null, null, -1, TextKind.Pair, false, null),
        ]);
        return true;
    }

    private void WriteRumour(int issuer)
    {
        var profile = _issuers[issuer].Issuer;
        var polarity = _random.NextBool(0.5) ? 1 : -1;
        var id = NextId();
        Deliver(id, _composer.Rumour(profile, polarity), [new TextPolarity(id, profile.IssuerId, null, null, polarity, TextKind.Rumour, false, null)]);

        var daysLater = 2 + _random.NextInt(9);
        var denialId = NextId();
        var second = PublishSecond();
        var denial = _composer.Denial(profile, -polarity);
        var news = new RawNews(denialId, Pick(NewsPhrasebook.Sources), At(_day.AddDays(daysLater), second), denial.Headline, denial.Body, Language);
        _schedule.Add(daysLater, new PendingText(_sequence, ArrivalAfter(second), news,
            [new TextPolarity(denialId, profile.IssuerId, null, null, -polarity, TextKind.RumourDenial, false, id)]));
    }

    private void WriteIndustryText()
    {
        var k = _random.NextInt(_industries.Count);
        var linked = _topicsByIndustry[k];
        var topic = linked.Count > 0 ? linked[_random.NextInt(linked.Count)].Topic : _topics[_random.NextInt(_topics.Count)];
        var polarity = TextTone.Sign(_process.IndustryChange(k, TextTone.LagTradingDays, TextTone.WindowTradingDays), TextTone.IndustryNeutralBand);
        var id = NextId();
        var text = _composer.Industry(_industries[k].Name, topic.Name, polarity);
        Deliver(id, text, [new TextPolarity(id, null, _industries[k].IndustryId, topic.TopicId, polarity, TextKind.Industry, false, null)]);
    }

    /// <summary>Delivers a primary text today or late, and sometimes a duplicate after it.</summary>
    private void Deliver(string id, ComposedText text, TextPolarity[] truth)
    {
        var published = PublishSecond();
        var source = Pick(NewsPhrasebook.Sources);
        var news = new RawNews(id, source, At(_day, published), text.Headline, text.Body, Language);
        var late = _random.NextBool(_options.LateShare);
        var daysUntilArrival = late ? 2 + _random.NextInt(59) : 0;
        if (late)
        {
            for (var t = 0; t < truth.Length; t++) truth[t] = truth[t] with { Late = true };
        }

        var arrival = late ? PublishSecond() : ArrivalAfter(published);
        Schedule(daysUntilArrival, new PendingText(_sequence, arrival, news, truth));

        if (!_random.NextBool(_options.DuplicateShare)) return;
        var copyId = NextId();
        var verbatim = _random.NextBool(0.5);
        var copyText = verbatim ? text : _composer.NearDuplicate(text);
        var copyPublished = verbatim ? published : Math.Min(86_399, published + 60 * (1 + _random.NextInt(30)));
        var copyDays = daysUntilArrival + _random.NextInt(3);
        var copy = new RawNews(copyId, Pick(NewsPhrasebook.Sources), At(_day, copyPublished), copyText.Headline, copyText.Body, Language);
        var copyTruth = new TextPolarity[truth.Length];
        for (var t = 0; t < truth.Length; t++)
            copyTruth[t] = truth[t] with { DocId = copyId, Kind = TextKind.Duplicate, Late = copyDays > 0, OriginalDocId = id };
        var copyArrival = copyDays == daysUntilArrival ? Math.Min(86_399, arrival + 1 + _random.NextInt(3_600)) : PublishSecond();
        Schedule(copyDays, new PendingText(_sequence, copyArrival, copy, copyTruth));
    }

    private void Schedule(int daysAhead, PendingText text)
    {
        if (daysAhead == 0) _today.Add(text);
        else _schedule.Add(daysAhead, text);
    }

    private int IssuerSign(int issuer) =>
        TextTone.Sign(_process.LatentChange(issuer, TextTone.LagTradingDays, TextTone.WindowTradingDays), TextTone.IssuerNeutralBand);

    private int Misread(int polarity)
    {
        var other = _random.NextInt(2);
        return polarity switch { 1 => other == 0 ? 0 : -1, -1 => other == 0 ? 0 : 1, _ => other == 0 ? 1 : -1 };
    }

    /// <summary>Newsrooms publish between 06:00 and 22:00 UTC.</summary>
    private int PublishSecond() => 6 * 3600 + _random.NextInt(16 * 3600);

    private int ArrivalAfter(int publishedSecond) => Math.Min(86_399, publishedSecond + _random.NextInt(90));

    private string NextId() => _idPrefix + (++_sequence).ToString("D9", CultureInfo.InvariantCulture);

    private T Pick<T>(T[] items) => items[_random.NextInt(items.Length)];

    private static DateTimeOffset At(DateOnly day, int second) =>
        new(day.ToDateTime(TimeOnly.MinValue).AddSeconds(second), TimeSpan.Zero);

    private sealed record PendingText(long Sequence, int ArrivalSecond, RawNews News, TextPolarity[] Truth);
}
