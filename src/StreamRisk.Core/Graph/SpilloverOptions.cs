using System.Globalization;

namespace StreamRisk.Core.Graph;

/// <summary>
/// How far a shock to one issuer spills over to related issuers: a related issuer <c>h</c> hops away gets
/// Π(relation weights along the path) × <see cref="Decay"/>^h of it, for h ≤ <see cref="MaxHops"/>.
/// Decay 0 or MaxHops 0 switch spill-over off.
/// </summary>
public sealed record SpilloverOptions(double Decay = SpilloverOptions.DefaultDecay, int MaxHops = SpilloverOptions.DefaultMaxHops)
{
    public const double DefaultDecay = 0.5;
    public const int DefaultMaxHops = 2;

    /// <summary>The most hops any backend follows (Neo4j's variable-length pattern needs a literal bound).</summary>
    public const int HopsLimit = 4;

    public static SpilloverOptions Default { get; } = new();

    public static SpilloverOptions Off { get; } = new(0, 0);

    public bool IsOff => Decay == 0 || MaxHops == 0;

    /// <summary>The first problem, worded for the CLI options that set it; null when valid.</summary>
    public string? Problem() =>
        !double.IsFinite(Decay) || Decay is < 0 or > 1
            ? string.Create(CultureInfo.InvariantCulture, $"--spillover-decay must be in [0, 1] (got {Decay}); 0 switches spill-over off")
            : MaxHops is < 0 or > HopsLimit
                ? string.Create(CultureInfo.InvariantCulture, $"--spillover-hops must be in 0..{HopsLimit} (got {MaxHops}); 0 switches spill-over off")
                : null;

    public override string ToString() =>
        IsOff ? "off" : string.Create(CultureInfo.InvariantCulture, $"decay {Decay:0.###} over at most {MaxHops} hop{(MaxHops == 1 ? "" : "s")}");
}
