using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamRisk.Api.Tests.Dashboard;

/// <summary>
/// The dashboard's pure functions — SSE parser and reconnect backoff, chart scales, name highlighting, the alert list,
/// the key from the link — pass their tests in <c>Dashboard/js/*.test.mjs</c>, run by node's built-in test runner.
/// </summary>
public sealed class DashboardScripts_PureFunctionsPass
{
    [NodeFact]
    public async Task Node_test_runner_passes_every_script_test()
    {
        var tests = Directory.GetFiles(DashboardSources.ScriptTests, "*.test.mjs").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(tests);
        var (exitCode, output) = await NodeJs.RunAsync(["--test", "--test-reporter=spec", .. tests]);
        Assert.True(exitCode == 0, $"node --test failed:\n{output}");
        // A run that found no tests also exits 0: the summary must count some.
        var ran = Regex.Match(output, @"\btests (\d+)");
        Assert.True(ran.Success && int.Parse(ran.Groups[1].Value, CultureInfo.InvariantCulture) > 0, $"node --test ran no tests:\n{output}");
    }
}
