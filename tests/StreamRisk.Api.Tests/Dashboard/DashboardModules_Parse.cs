namespace StreamRisk.Api.Tests.Dashboard;

/// <summary>Every module of the dashboard is valid JavaScript: a syntax error would leave the page blank in every browser.</summary>
public sealed class DashboardModules_Parse
{
    [NodeFact]
    public async Task Node_checks_every_module_without_error()
    {
        var modules = DashboardSources.Modules();
        Assert.NotEmpty(modules);
        foreach (var module in modules)
        {
            var (exitCode, output) = await NodeJs.RunAsync("--check", Path.Combine(DashboardSources.Folder, module));
            Assert.True(exitCode == 0, $"node --check {module}: {output}");
        }
    }
}
