using StreamRisk.Tests.Shared;

namespace StreamRisk.Api.Tests.Dashboard;

/// <summary>The dashboard's files in the checkout (what the API assembly embeds) and its JavaScript tests.</summary>
internal static class DashboardSources
{
    public static string Folder { get; } = RepositoryRoot.Of("src", "StreamRisk.Api", "Dashboard");

    public static string ScriptTests { get; } = RepositoryRoot.Of("tests", "StreamRisk.Api.Tests", "Dashboard", "js");

    /// <summary>File names, e.g. <c>main.mjs</c>, in ordinal order.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.GetFiles(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> Modules() => Names().Where(n => n.EndsWith(".mjs", StringComparison.Ordinal)).ToList();
}
