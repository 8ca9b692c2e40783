namespace StreamRisk.Core.Simulation;

/// <summary>
/// Latent credit quality of every issuer, stepped once per trading day:
/// x = base quality + macro loading × macro factor + industry loading × industry factor + e,
/// where e is an AR(1) with occasional jumps (mostly downward) and each industry factor is an AR(1) of its own.
/// Higher is safer. Linked issuers (<see cref="IssuerLinks"/>) pass on part of each day's own shock (industry and
/// idiosyncratic, not the common macro one) to each other: e of one gains <see cref="IssuerLinks.Contagion"/> × link
/// weight × the other's shock, and keeps it with its own persistence. Keeps only the last <see cref="HistoryLength"/> trading days per issuer (bounded memory).
/// </summary>
/// <remarks>
/// Consumes its random streams identically whatever happens to the issuers (entries, defaults), so a second pass with
/// the same seed reproduces the first exactly; the outcome thresholds are calibrated on such a first pass.
/// </remarks>
public sealed class LatentCreditProcess
{
    public const int HistoryLength = 16;
    private const double TradingDaysPerYear = 252;
    private static readonly double IdiosyncraticPersistence = Math.Exp(-Math.Log(2) / (1.5 * TradingDaysPerYear));
    private const double IdiosyncraticSd = 0.6;
    private static readonly double IndustryPersistence = Math.Exp(-Math.Log(2) / TradingDaysPerYear);
    private const double IndustrySd = 0.5;
    private const double JumpsPerYear = 0.3;
    private const double JumpTailDegrees = 4;

    private readonly IReadOnlyList<IssuerProfile> _issuers;
    private readonly Pcg32 _idiosyncraticRandom;
    private readonly Pcg32 _industryRandom;
    private readonly double[] _idiosyncratic;
    private readonly double[] _industry;
    private readonly double[] _history;
    private readonly double[] _industryHistory;
    private int _head;
    private readonly (int A, int B, double Weight)[] _links;
    private readonly double[]? _shock;

    /// <param name="links">Issuer-to-issuer relations between these issuers (contagion); none: independent issuers.</param>
    public LatentCreditProcess(ulong seed, IReadOnlyList<IssuerProfile> issuers, int industryCount, double initialMacro,
        IReadOnlyList<Reference.IssuerRelation>? links = null)
    {
        _issuers = issuers;
        var position = new Dictionary<string, int>(issuers.Count, StringComparer.Ordinal);
        for (var i = 0; i < issuers.Count; i++) position[issuers[i].Issuer.IssuerId] = i;
        _links = (links ?? []).Select(l => (position[l.FromIssuerId], position[l.ToIssuerId], l.Weight)).ToArray();
        _shock = _links.Length > 0 ? new double[issuers.Count] : null;
        _idiosyncraticRandom = Pcg32.ForStream(seed, "latent-idiosyncratic");
        _industryRandom = Pcg32.ForStream(seed, "latent-industry");
        _idiosyncratic = new double[issuers.Count];
        _industry = new double[industryCount];
        _history = new double[issuers.Count * HistoryLength];
        _industryHistory = new double[industryCount * HistoryLength];
        for (var k = 0; k < industryCount; k++) _industry[k] = IndustrySd * _industryRandom.NextGaussian();
        for (var i = 0; i < issuers.Count; i++) _idiosyncratic[i] = IdiosyncraticSd * _idiosyncraticRandom.NextGaussian();
        Macro = initialMacro;
        Record(fillAll: true);
    }

    /// <summary>Trading days stepped so far.</summary>
    public int TradingDay { get; private set; }

    /// <summary>The macro factor used in the last step.</summary>
    public double Macro { get; private set; }

    /// <summary>Advances every issuer and industry by one trading day under <paramref name="macro"/>.</summary>
    public void Step(double macro)
    {
        Macro = macro;
        if (_shock is not null)
        {
            // The own (non-macro) latent before the step; the shock is what the step adds to it.
            for (var i = 0; i < _shock.Length; i++) _shock[i] = -Own(i);
        }

        var industryShock = IndustrySd * Math.Sqrt(1 - IndustryPersistence * IndustryPersistence);
        for (var k = 0; k < _industry.Length; k++)
            _industry[k] = IndustryPersistence * _industry[k] + industryShock * _industryRandom.NextGaussian();

        var shock = IdiosyncraticSd * Math.Sqrt(1 - IdiosyncraticPersistence * IdiosyncraticPersistence);
        const double jumpChance = JumpsPerYear / TradingDaysPerYear;
        for (var i = 0; i < _idiosyncratic.Length; i++)
        {
            var next = IdiosyncraticPersistence * _idiosyncratic[i] + shock * _idiosyncraticRandom.NextGaussian();
            if (_idiosyncraticRandom.NextDouble() < jumpChance)
            {
                var size = Math.Abs(_idiosyncraticRandom.NextStudentT(JumpTailDegrees));
                next += _idiosyncraticRandom.NextDouble() < 0.7 ? -(0.25 + 0.35 * size) : 0.15 + 0.2 * size;
            }

            _idiosyncratic[i] = next;
        }

        if (_shock is not null)
        {
            for (var i = 0; i < _shock.Length; i++) _shock[i] += Own(i);
            // Both ends take the other's shock from before any contagion today, so the order of links does not matter.
            foreach (var (a, b, weight) in _links)
            {
                _idiosyncratic[a] += IssuerLinks.Contagion * weight * _shock[b];
                _idiosyncratic[b] += IssuerLinks.Contagion * weight * _shock[a];
            }
        }

        TradingDay++;
        Record(fillAll: false);
    }

    /// <summary>Current latent credit of issuer <paramref name="index"/>.</summary>
    public double Latent(int index) => Compose(index);

    /// <summary>The industry factor of industry <paramref name="industryIndex"/> now.</summary>
    public double IndustryFactor(int industryIndex) => _industry[industryIndex];

    /// <summary>Latent change of an issuer between <paramref name="lag"/> + <paramref name="window"/> and <paramref name="lag"/> trading days ago.</summary>
    public double LatentChange(int index, int lag, int window) =>
        Past(_history, index, lag) - Past(_history, index, lag + window);

    /// <summary>Industry factor change, same convention as <see cref="LatentChange"/>.</summary>
    public double IndustryChange(int industryIndex, int lag, int window) =>
        Past(_industryHistory, industryIndex, lag) - Past(_industryHistory, industryIndex, lag + window);

    private double Own(int i) => _issuers[i].IndustryLoading * _industry[_issuers[i].IndustryIndex] + _idiosyncratic[i];

    private double Compose(int i)
    {
        var profile = _issuers[i];
        return profile.BaseQuality + profile.MacroLoading * Macro
            + profile.IndustryLoading * _industry[profile.IndustryIndex] + _idiosyncratic[i];
    }

    private double Past(double[] ring, int row, int daysAgo)
    {
        if (daysAgo >= HistoryLength) throw new ArgumentOutOfRangeException(nameof(daysAgo), daysAgo, $"only {HistoryLength} days are kept");
        var slot = (_head - daysAgo + HistoryLength) % HistoryLength;
        return ring[row * HistoryLength + slot];
    }

    private void Record(bool fillAll)
    {
        _head = fillAll ? 0 : (_head + 1) % HistoryLength;
        for (var i = 0; i < _idiosyncratic.Length; i++)
        {
            var value = Compose(i);
            if (fillAll) Array.Fill(_history, value, i * HistoryLength, HistoryLength);
            else _history[i * HistoryLength + _head] = value;
        }

        for (var k = 0; k < _industry.Length; k++)
        {
            if (fillAll) Array.Fill(_industryHistory, _industry[k], k * HistoryLength, HistoryLength);
            else _industryHistory[k * HistoryLength + _head] = _industry[k];
        }
    }
}
