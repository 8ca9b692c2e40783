using System.Text.RegularExpressions;
using Npgsql;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Deployment;

/// <summary>
/// docker-compose.yml cannot be started here (no Docker engine), so it is checked against the code it configures:
/// the variables <see cref="PipelineSettings"/> reads, the stages <see cref="StageNames"/> knows, and the services
/// the variables point at.
/// </summary>
public sealed class DockerCompose_MatchesConfiguration
{
    private static readonly ComposeFile Compose = ComposeFile.Load(RepositoryRoot.Of("docker-compose.yml"));

    [Fact]
    public void Every_STREAMRISK_variable_in_the_deployment_files_is_one_the_settings_read()
    {
        var texts = Compose.Text + File.ReadAllText(RepositoryRoot.Of("infra/docker/Dockerfile"));
        var used = Regex.Matches(texts, @"\bSTREAMRISK_[A-Z0-9_]+").Select(m => m.Value).Distinct().ToArray();
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, PipelineSettings.Variables.Concat(RetrievalBackends.Variables).Append(IndustryModelSpec.Variable)));
    }

    [Fact]
    public void The_industry_worker_takes_its_model_from_the_host_and_defaults_to_one_that_parses()
    {
        var value = Compose.Environment("worker-industry-sentiment")[IndustryModelSpec.Variable];

        var interpolation = Regex.Match(value, @"^\$\{" + IndustryModelSpec.Variable + @":-(?<fallback>[^}]*)\}$");
        Assert.True(interpolation.Success, $"expected ${{{IndustryModelSpec.Variable}:-...}}, found {value}");
        Assert.Equal(IndustryModelKind.BuiltIn, IndustryModelSpec.Parse(interpolation.Groups["fallback"].Value, IndustryModelSpec.Variable).Kind);
    }

    [Fact]
    public void The_industry_worker_reaches_seeded_qdrant_and_neo4j_on_their_ports_with_neo4j_s_password()
    {
        var environment = Compose.Environment("worker-industry-sentiment");
        var backends = RetrievalBackends.From(new ModelOptions(), name => environment.GetValueOrDefault(name));

        Assert.Equal(VectorIndexKind.Qdrant, backends.VectorIndex);
        Assert.Equal(GraphKind.Neo4j, backends.Graph);
        Assert.Contains(backends.Qdrant!.Address.Port, Compose.ContainerPorts(backends.Qdrant.Address.Host));
        Assert.Contains(backends.Neo4j!.Address.Port, Compose.ContainerPorts(backends.Neo4j.Address.Host));
        Assert.Equal($"{backends.Neo4j.User}/{backends.Neo4j.Password}", Compose.Environment(backends.Neo4j.Address.Host)["NEO4J_AUTH"]);
        foreach (var (job, command) in new[] { ("index-seed", "index seed"), ("graph-seed", "graph seed") })
        {
            Assert.Equal(command, string.Join(' ', Compose.Command(job)));
            Assert.Equal(environment, Compose.Environment(job));
        }
    }

    [Fact]
    public void Every_stage_has_a_worker_service_and_every_worker_runs_a_known_stage()
    {
        var workers = Compose.ServiceNames
            .Select(s => (Service: s, Command: Compose.Command(s)))
            .Where(s => s.Command.Count > 0 && s.Command[0] == "worker")
            .ToArray();
        Assert.All(workers, w => Assert.True(w.Command.Count == 2 && StageNames.Resolve(w.Command[1]) is not null,
            $"{w.Service} runs `{string.Join(' ', w.Command)}`, which names no stage"));
        foreach (var stage in StageNames.Each)
        {
            Assert.Contains(workers, w => w.Command[1] == stage);
        }
    }

    [Fact]
    public void Every_streamrisk_service_gets_settings_that_validate_for_kafka_and_postgres()
    {
        Assert.NotEmpty(Compose.BuiltServices);
        foreach (var service in Compose.BuiltServices)
        {
            var environment = Compose.Environment(service);
            var settings = PipelineSettings.FromEnvironment(name => environment.GetValueOrDefault(name));
            Assert.True(settings.Problems().Count == 0, $"{service}: {string.Join("; ", settings.Problems())}");
            Assert.Equal(BusKind.Kafka, settings.Bus);
            Assert.Equal(StoreKind.Postgres, settings.Store);
        }
    }

    [Fact]
    public void The_kafka_bootstrap_names_a_service_that_listens_on_and_advertises_that_port()
    {
        foreach (var service in Compose.BuiltServices)
        {
            var bootstrap = Compose.Environment(service)[PipelineSettings.KafkaBootstrapVariable];
            foreach (var entry in bootstrap.Split(',', StringSplitOptions.TrimEntries))
            {
                var (host, port) = (entry[..entry.LastIndexOf(':')], int.Parse(entry[(entry.LastIndexOf(':') + 1)..]));
                Assert.True(Compose.HasService(host), $"{service}: {entry} names no service");
                Assert.Contains(port, Compose.ContainerPorts(host));
                // A broker hands clients its advertised address: any other host:port would send them elsewhere.
                var advertised = Compose.Environment(host)["KAFKA_ADVERTISED_LISTENERS"].Split(',').Select(l => l[(l.IndexOf("://", StringComparison.Ordinal) + 3)..]);
                Assert.Contains(entry, advertised);
            }
        }
    }

    [Fact]
    public void The_postgres_connection_names_the_database_service_its_port_and_its_credentials()
    {
        foreach (var service in Compose.BuiltServices)
        {
            var connection = new NpgsqlConnectionStringBuilder(Compose.Environment(service)[PipelineSettings.PostgresVariable]);
            var host = connection.Host!;
            Assert.True(Compose.HasService(host), $"{service}: Host={host} names no service");
            Assert.Contains(connection.Port, Compose.ContainerPorts(host));
            var database = Compose.Environment(host);
            Assert.Equal(database["POSTGRES_USER"], connection.Username);
            Assert.Equal(database["POSTGRES_PASSWORD"], connection.Password);
            Assert.Equal(database["POSTGRES_DB"], connection.Database);
        }
    }

    [Fact]
    public void Every_streamrisk_service_builds_from_a_Dockerfile_that_exists_and_runs_streamrisk()
    {
        foreach (var service in Compose.BuiltServices)
        {
            var context = Path.Combine(RepositoryRoot.Path, Compose.BuildValue(service, "context") ?? ".");
            var dockerfile = Path.Combine(context, Compose.BuildValue(service, "dockerfile") ?? "Dockerfile");
            Assert.True(File.Exists(dockerfile), $"{service}: {dockerfile} does not exist");
            Assert.Matches(@"(?m)^ENTRYPOINT \[""streamrisk""\]", File.ReadAllText(dockerfile));
        }
    }

    [Fact]
    public void Dependencies_exist_and_wait_for_health_or_for_the_init_jobs_to_finish()
    {
        foreach (var service in Compose.ServiceNames)
        {
            foreach (var (dependency, condition) in Compose.DependsOn(service))
            {
                Assert.True(Compose.HasService(dependency), $"{service} depends on {dependency}, which is no service");
                if (condition == "service_healthy")
                {
                    Assert.True(Compose.HasHealthcheck(dependency), $"{service} waits for {dependency} to be healthy, but it has no healthcheck");
                }
                else if (condition == "service_completed_successfully")
                {
                    Assert.Equal("no", Compose.Value(dependency, "restart"));
                }
            }
        }
        foreach (var worker in Compose.ServiceNames.Where(s => Compose.Command(s) is ["worker", ..]))
        {
            var needs = Compose.DependsOn(worker);
            Assert.Equal("service_completed_successfully", needs[Init("db", "migrate")]);
            Assert.Equal("service_completed_successfully", needs[Init("topics", "apply")]);
        }
    }

    // The service that runs `streamrisk <verb> <action>` once before the workers.
    private static string Init(string verb, string action) =>
        Assert.Single(Compose.BuiltServices, s => Compose.Command(s) is [var v, var a, ..] && v == verb && a == action);
}
