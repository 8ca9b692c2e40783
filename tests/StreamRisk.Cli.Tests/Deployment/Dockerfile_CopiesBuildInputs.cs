using System.Text.RegularExpressions;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Deployment;

/// <summary>
/// infra/docker/Dockerfile copies only parts of the repository into the build; a project the CLI references, or a
/// file outside src/ that a project embeds (lexicon, schemas, migrations, topics, reference data), must be among them
/// or the image build fails (or, for reference data, the image starts without it).
/// </summary>
public sealed class Dockerfile_CopiesBuildInputs
{
    private const string CliProject = "src/StreamRisk.Cli/StreamRisk.Cli.csproj";
    private static readonly string[] CopySources = Regex
        .Matches(File.ReadAllText(RepositoryRoot.Of("infra/docker/Dockerfile")), @"(?m)^COPY (?!--from)(.+) \S+$")
        .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(s => s.TrimEnd('/'))
        .ToArray();

    [Fact]
    public void Every_project_the_cli_builds_from_is_copied_for_restore()
    {
        var projects = ProjectClosure();
        Assert.Contains(CliProject, projects);
        Assert.All(projects, p => Assert.Contains(p, CopySources));
    }

    [Fact]
    public void Every_file_outside_src_that_those_projects_include_is_copied()
    {
        var inputs = ProjectClosure()
            .SelectMany(p => Regex.Matches(File.ReadAllText(RepositoryRoot.Of(p)), @"Include=""\.\./\.\./([^""]+)""")
                .Select(m => m.Groups[1].Value))
            .ToArray();
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.True(
            CopySources.Any(source => input.StartsWith(source + "/", StringComparison.Ordinal) || input == source),
            $"{input} is used by the build but the Dockerfile does not COPY it"));
    }

    [Fact]
    public void The_image_publishes_the_cli_project()
    {
        Assert.Matches(@"(?m)^RUN dotnet publish " + Regex.Escape(CliProject), File.ReadAllText(RepositoryRoot.Of("infra/docker/Dockerfile")));
    }

    /// <summary>The CLI project and every project it references, directly or not, as repository-relative paths.</summary>
    private static IReadOnlyList<string> ProjectClosure()
    {
        var found = new List<string>();
        var pending = new Stack<string>([CliProject]);
        while (pending.TryPop(out var project))
        {
            if (found.Contains(project)) continue;
            found.Add(project);
            var directory = Path.GetDirectoryName(project)!;
            foreach (Match m in Regex.Matches(File.ReadAllText(RepositoryRoot.Of(project)), @"ProjectReference Include=""([^""]+)"""))
            {
                var full = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, directory, m.Groups[1].Value));
                pending.Push(Path.GetRelativePath(RepositoryRoot.Path, full).Replace('\\', '/'));
            }
        }
        return found;
    }
}
