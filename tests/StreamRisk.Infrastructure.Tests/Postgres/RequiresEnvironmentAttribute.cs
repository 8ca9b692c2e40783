namespace StreamRisk.Infrastructure.Tests.Postgres;

/// <summary>
/// Marks a test class that needs an outside service named by an environment variable. Without the variable its tests
/// are reported as skipped, with <see cref="Reason"/>; when <see cref="RequiredBy"/> is set to 1 (CI sets it) they run
/// anyway and fail, so a CI run cannot pass by skipping them. <see cref="EnvironmentGatedTestFramework"/> reads this.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresEnvironmentAttribute(string variable, string requiredBy, string reason) : Attribute
{
    public string Variable { get; } = variable;

    /// <summary>An environment variable that, when 1, turns the skip off.</summary>
    public string RequiredBy { get; } = requiredBy;

    public string Reason { get; } = reason;

    public string? SkipReason() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) || Environment.GetEnvironmentVariable(RequiredBy) == "1"
            ? null
            : $"{Variable} is not set: {Reason} (set {RequiredBy}=1 to fail instead of skipping)";
}
