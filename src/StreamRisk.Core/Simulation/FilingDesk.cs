using System.Globalization;
using StreamRisk.Core.Events;

namespace StreamRisk.Core.Simulation;

/// <summary>
/// Quarterly statements and issuer disclosures. Each quarter end an issuer either skips the quarter, files on its usual
/// lag, or files months late (with an important notice at the deadline); statements reflect latent credit at the
/// period end. Risk factors come with an issuer's entry and with each year-end statement.
/// </summary>
public sealed class FilingDesk
{
    private const int HorizonDays = 200;
    private const int DeadlineDays = 60;
    private const string DisclosureSource = "issuer-disclosure";

    private readonly SimulationOptions _options;
    private readonly IReadOnlyList<IssuerProfile> _issuers;
    private readonly IReadOnlyList<string> _industryNames;
    private readonly LatentCreditProcess _process;
    private readonly IssuerStanding _standing;
    private readonly OutcomeThresholds _thresholds;
    private readonly Pcg32 _filingRandom;
    private readonly Pcg32 _statementRandom;
    private readonly NewsComposer _composer;
    private readonly double[] _previousRevenue;
    private readonly DaySchedule<(int Issuer, StatementFiled Filed)> _statements = new(HorizonDays);
    private readonly DaySchedule<NoticeReason> _noticeReasons = new(HorizonDays);
    private readonly DaySchedule<int> _noticeIssuers = new(HorizonDays);
    private readonly string _idPrefix;
    private long _sequence;

    public FilingDesk(
        SimulationOptions options,
        IReadOnlyList<IssuerProfile> issuers,
        IReadOnlyList<string> industryNames,
        LatentCreditProcess process,
        IssuerStanding standing,
        OutcomeThresholds thresholds)
    {
        _options = options;
        _issuers = issuers;
        _industryNames = industryNames;
        _process = process;
        _standing = standing;
        _thresholds = thresholds;
        _filingRandom = Pcg32.ForStream(options.Seed, "filings");
        _statementRandom = Pcg32.ForStream(options.Seed, "statements");
        _composer = new NewsComposer(Pcg32.ForStream(options.Seed, "disclosure-wording"));
        _previousRevenue = new double[issuers.Count];
        Array.Fill(_previousRevenue, double.NaN);
        _idPrefix = "sim" + options.Seed.ToString("x", CultureInfo.InvariantCulture) + "-d";
    }

    /// <summary>Notes a notice an issuer must publish today (extension, default).</summary>
    public void NoticeToday(int issuer, NoticeReason reason)
    {
        _noticeIssuers.Add(0, issuer);
        _noticeReasons.Add(0, reason);
    }

    /// <summary>Everything filed on <paramref name="day"/>: statements first, then disclosures.</summary>
    public IEnumerable<SimulationEvent> File(DateOnly day)
    {
        _composer.SetDay(day);
        if (IsQuarterEnd(day)) CloseQuarter(day);

        var filed = new List<SimulationEvent>();
        var riskFactorIssuers = new List<int>();
        foreach (var (index, statement) in _statements.Due)
        {
            if (_standing.Class(index) == RiskClass.Defaulted) continue; // a defaulted issuer stops reporting
            filed.Add(statement);
            if (statement.Statement.PeriodEnd.Month == 12) riskFactorIssuers.Add(index);
        }

        for (var i = 0; i < _issuers.Count; i++)
            if (_issuers[i].FirstDay == day) riskFactorIssuers.Add(i);

        foreach (var i in riskFactorIssuers)
        {
            var text = _composer.RiskFactors(_issuers[i].Issuer, _industryNames[_issuers[i].IndustryIndex], Distressed(i));
            filed.Add(Disclosure(day, i, text, Distressed(i) ? -1 : 0, TextKind.RiskFactors));
        }

        var reasons = _noticeReasons.Due;
        var noticeIssuers = _noticeIssuers.Due;
        for (var n = 0; n < reasons.Count; n++)
        {
            var i = noticeIssuers[n];
            if (reasons[n] == NoticeReason.LateFiling && _standing.Class(i) == RiskClass.Defaulted) continue;
            var polarity = reasons[n] == NoticeReason.Routine ? 0 : -1;
            filed.Add(Disclosure(day, i, _composer.Notice(_issuers[i].Issuer, reasons[n]), polarity, TextKind.ImportantNotice));
        }

        _statements.Advance();
        _noticeReasons.Advance();
        _noticeIssuers.Advance();
        return filed;
    }

    private void CloseQuarter(DateOnly periodEnd)
    {
        for (var i = 0; i < _issuers.Count; i++)
        {
            if (!_standing.IsLive(i, periodEnd)) continue;
            var profile = _issuers[i];
            var values = StatementModel.Draw(_process.Latent(i), profile.LogAssets, _previousRevenue[i], _statementRandom);
            _previousRevenue[i] = values["operating_revenue"];

            var roll = _filingRandom.NextDouble();
            if (roll < _options.SkippedFilingShare) continue;
            var late = roll < _options.SkippedFilingShare + _options.LateFilingShare;
            var lag = late ? 75 + _filingRandom.NextInt(76) : profile.FilingLagDays + _filingRandom.NextInt(8) - 3;
            var second = 7 * 3600 + _filingRandom.NextInt(12 * 3600);
            var published = new DateTimeOffset(periodEnd.AddDays(lag).ToDateTime(TimeOnly.MinValue).AddSeconds(second), TimeSpan.Zero);
            _statements.Add(lag, (i, new StatementFiled(periodEnd.AddDays(lag), new Fundamentals(profile.Issuer.IssuerId, periodEnd, published, values))));
            if (late)
            {
                _noticeIssuers.Add(DeadlineDays, i);
                _noticeReasons.Add(DeadlineDays, NoticeReason.LateFiling);
            }
            else if (_filingRandom.NextBool(0.05))
            {
                _noticeIssuers.Add(lag, i);
                _noticeReasons.Add(lag, NoticeReason.Routine);
            }
        }
    }

    private DisclosureFiled Disclosure(DateOnly day, int issuer, ComposedText text, int polarity, TextKind kind)
    {
        var id = _idPrefix + (++_sequence).ToString("D8", CultureInfo.InvariantCulture);
        var second = 8 * 3600 + _filingRandom.NextInt(10 * 3600);
        var news = new RawNews(id, DisclosureSource, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue).AddSeconds(second), TimeSpan.Zero),
            text.Headline, text.Body, "en");
        return new DisclosureFiled(day, news, new TextPolarity(id, _issuers[issuer].Issuer.IssuerId, null, null, polarity, kind, false, null));
    }

    /// <summary>Near the extension threshold (or past it): the risk factors carry a going-concern warning.</summary>
    private bool Distressed(int issuer)
    {
        var level = double.IsFinite(_thresholds.Extension) ? _thresholds.Extension + 0.75 : -1.5;
        return _standing.Class(issuer) != RiskClass.Performing || _process.Latent(issuer) < level;
    }

    private static bool IsQuarterEnd(DateOnly day) => day.Month % 3 == 0 && day.AddDays(1).Month != day.Month;
}
