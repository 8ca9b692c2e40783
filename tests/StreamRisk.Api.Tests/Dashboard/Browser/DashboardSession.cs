using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Api.Tests.Dashboard.Browser;

/// <summary>
/// The API and dashboard on loopback over the sample run, and a page of headless Chromium opened with a team's key as
/// a person would (the <c>#key=</c> link <c>streamrisk live</c> prints). Script errors on the page are collected: a
/// test ends by asserting there were none.
/// </summary>
internal sealed class DashboardSession : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<IBrowserContext> _contexts = [];

    private DashboardSession(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public List<string> ScriptErrors { get; } = [];

    public static async Task<DashboardSession> StartAsync(SampleApiFixture sample)
    {
        var app = QueryApi.Build(new QueryApiOptions { Urls = "http://127.0.0.1:0", RequestsPerMinute = 100_000 },
            new SqliteRiskQueries(sample.DatabasePath), sample.Reference, sample.Access);
        await app.StartAsync();
        return new DashboardSession(app);
    }

    /// <summary>A fresh browser context (no stored key) with the dashboard opened at <paramref name="view"/> (e.g. "#/topics").</summary>
    public async Task<IPage> OpenAsync(IBrowser browser, string token, string view = "#/")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => ScriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            // A refused request is logged by Chromium as a console error; the page says why itself, so only script errors count.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                ScriptErrors.Add(message.Text);
            }
        };
        await page.GotoAsync($"{BaseUrl}/#key={Uri.EscapeDataString(token)}");
        // The "Forget key" button shows once the key is accepted, in the same step that starts following the fragment.
        await page.Locator("#forget").WaitForAsync();
        if (view != "#/")
        {
            await page.EvaluateAsync("view => { location.hash = view; }", view);
        }
        return page;
    }

    /// <summary>Saves what the page shows as a test artifact: TestResults/screenshots/NAME.png.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        await _app.DisposeAsync();
    }
}
