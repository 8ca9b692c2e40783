using System.Text.RegularExpressions;

namespace StreamRisk.Api.Tests.Dashboard;

/// <summary>
/// The dashboard loads nothing from another origin (no CDN, no web font) and never hands API data to an HTML parser:
/// read from the files the server embeds, and followed from the page through every module it imports.
/// </summary>
public sealed partial class Dashboard_LoadsNothingFromElsewhere
{
    /// <summary>The SVG namespace is an identifier passed to createElementNS, never fetched: the one absolute URL allowed.</summary>
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    [GeneratedRegex(@"https?://[^\s""'`)<>]*", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"(?:src|href)=""([^""]+)""")]
    private static partial Regex PageReference();

    /// <summary>A static import statement at the start of a line (a comment mentioning "from" is not one).</summary>
    [GeneratedRegex(@"^import\s[^;]*?\sfrom\s+""([^""]+)"";", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ModuleImport();

    [Fact]
    public void No_file_names_an_absolute_url()
    {
        foreach (var name in DashboardSources.Names())
        {
            var text = File.ReadAllText(Path.Combine(DashboardSources.Folder, name)).Replace(SvgNamespace, "", StringComparison.Ordinal);
            var urls = AbsoluteUrl().Matches(text).Select(m => m.Value).ToList();
            Assert.True(urls.Count == 0, $"{name} names {string.Join(", ", urls)}");
            Assert.DoesNotMatch(@"@import|url\(|//[a-z0-9.-]+\.[a-z]{2,}/", text);
        }
    }

    [Fact]
    public void The_page_references_only_this_servers_files_and_every_module_import_resolves()
    {
        var html = File.ReadAllText(Path.Combine(DashboardSources.Folder, "index.html"));
        var pending = new Queue<string>();
        foreach (Match reference in PageReference().Matches(html))
        {
            var target = reference.Groups[1].Value;
            if (target.StartsWith("#", StringComparison.Ordinal) || target == "/docs")
            {
                continue; // views of the page itself, and the API reference page
            }
            Assert.StartsWith("/dashboard/", target, StringComparison.Ordinal);
            pending.Enqueue(target["/dashboard/".Length..]);
        }
        var reached = new HashSet<string>(StringComparer.Ordinal) { "index.html" };
        while (pending.TryDequeue(out var name))
        {
            Assert.True(File.Exists(Path.Combine(DashboardSources.Folder, name)), $"{name} is referenced but not in the dashboard folder");
            if (!reached.Add(name) || !name.EndsWith(".mjs", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (Match import in ModuleImport().Matches(File.ReadAllText(Path.Combine(DashboardSources.Folder, name))))
            {
                var target = import.Groups[1].Value;
                Assert.StartsWith("./", target, StringComparison.Ordinal);
                pending.Enqueue(target[2..]);
            }
        }
        // Every file is part of the page: nothing shipped is dead.
        Assert.Equal(DashboardSources.Names(), reached.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void No_script_parses_strings_as_html_or_code()
    {
        foreach (var module in DashboardSources.Modules())
        {
            // No dynamic import either: the import check above follows static imports only.
            var js = File.ReadAllText(Path.Combine(DashboardSources.Folder, module));
            foreach (var sink in new[] { "import(", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "DOMParser" })
            {
                Assert.False(js.Contains(sink, StringComparison.Ordinal), $"{module} uses {sink}");
            }
            Assert.DoesNotContain(".style", js, StringComparison.Ordinal); // inline styles would need 'unsafe-inline'
        }
    }
}
