namespace StreamRisk.Core.Alerts;

/// <summary>
/// The alert rules of <see cref="AlertDetector"/> and their settings.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>threshold_crossing</c>: the smoothed index falls below <see cref="ThresholdIndex"/>. It does not raise again
/// until the index has recovered to ThresholdIndex + <see cref="HysteresisMargin"/> (so noise around the line is one
/// episode, not many). Severity: critical at or below <see cref="CriticalIndex"/>, else warning. Before the first
/// score the rule is armed: an issuer first seen below the line raises.</item>
/// <item><c>jump</c>: the day's change of the index is more than <see cref="JumpSigmas"/> standard deviations from the mean
/// of the changes of the previous <see cref="JumpWindowDays"/> days, their spread taken as at least <see cref="JumpMinSd"/> (causal; needs <see cref="JumpMinHistory"/> past
/// changes). Severity: a fall beyond 2·JumpSigmas is critical, a smaller fall warning, a rise info.</item>
/// <item><c>class_change</c>: the risk class differs from the previous day's. Severity: to defaulted critical,
/// to a more severe class warning, to a less severe class info.</item>
/// </list>
/// </remarks>
public sealed record AlertRules
{
    public const string ThresholdCrossing = "threshold_crossing";
    public const string Jump = "jump";
    public const string ClassChange = "class_change";

    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    /// <summary>Index level whose downward crossing raises (default −0.25).</summary>
    public double ThresholdIndex { get; init; } = -0.25;

    /// <summary>How far above the threshold the index must recover before the rule re-arms (default 0.05).</summary>
    public double HysteresisMargin { get; init; } = 0.05;

    /// <summary>Index level at or below which a crossing is critical (default −0.5).</summary>
    public double CriticalIndex { get; init; } = -0.5;

    /// <summary>Standard deviations of past daily changes a change must exceed (default 3).</summary>
    public double JumpSigmas { get; init; } = 3;

    /// <summary>Days of past changes the jump rule looks at (default 60).</summary>
    public int JumpWindowDays { get; init; } = 60;

    /// <summary>
    /// Least standard deviation the jump rule assumes for the past changes, in index units (default 0.01). After a
    /// flat stretch the measured spread is near zero (rounding noise), and any change would read as billions of
    /// standard deviations; with the floor a change must also be material (here 3 × 0.01 from the mean) to be a jump.
    /// </summary>
    public double JumpMinSd { get; init; } = 0.01;

    /// <summary>Past changes needed before the jump rule can raise (default 20).</summary>
    public int JumpMinHistory { get; init; } = 20;

    /// <summary>Days of scores kept per issuer to re-evaluate revisions (default 120; must exceed JumpWindowDays).</summary>
    public int RetainedDays { get; init; } = 120;
}
