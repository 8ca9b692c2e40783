using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Hosting;

public class PipelineSettings_Environment
{
    private static PipelineSettings Read(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return PipelineSettings.FromEnvironment(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void Nothing_set_means_the_embedded_bus_and_a_sqlite_file()
    {
        var settings = Read();
        Assert.Equal(BusKind.Embedded, settings.Bus);
        Assert.Equal(StoreKind.Sqlite, settings.Store);
        Assert.Equal(PipelineSettings.DefaultSqlitePath, settings.SqlitePath);
        Assert.Empty(settings.Problems());
    }

    [Fact]
    public void Every_variable_is_read()
    {
        var settings = Read(
            (PipelineSettings.BusVariable, "Kafka"), (PipelineSettings.KafkaBootstrapVariable, "k1:9092,k2:9093"),
            (PipelineSettings.StoreVariable, "postgres"), (PipelineSettings.SqlitePathVariable, "/data/x.db"),
            (PipelineSettings.PostgresVariable, "Host=db;Username=u;Password=secret"), (PipelineSettings.KafkaGroupProtocolVariable, "Consumer"));
        Assert.Equal(BusKind.Kafka, settings.Bus);
        Assert.Equal(Confluent.Kafka.GroupProtocol.Consumer, settings.KafkaGroupProtocol);
        Assert.Equal("k1:9092,k2:9093", settings.KafkaBootstrap);
        Assert.Equal(StoreKind.Postgres, settings.Store);
        Assert.Equal("/data/x.db", settings.SqlitePath);
        Assert.Equal("Host=db;Username=u;Password=secret", settings.PostgresConnection);
        Assert.Empty(settings.Problems());
        Assert.DoesNotContain("secret", settings.DescribeStore(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("STREAMRISK_BUS", "rabbit", "embedded or kafka")]
    [InlineData("STREAMRISK_STORE", "mysql", "sqlite or postgres")]
    [InlineData("STREAMRISK_KAFKA_GROUP_PROTOCOL", "cooperative", "classic (any broker) or consumer")]
    public void A_value_outside_the_choices_names_the_variable_and_the_choices(string variable, string value, string choices)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read((variable, value)));
        Assert.Contains(variable, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
        Assert.Contains(choices, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kafka_without_brokers_asks_for_the_bootstrap_variable()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read((PipelineSettings.BusVariable, "kafka")).Validated());
        Assert.Contains(PipelineSettings.KafkaBootstrapVariable, ex.Message, StringComparison.Ordinal);
        Assert.Contains("--kafka-bootstrap", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kafka")]
    [InlineData("kafka:0")]
    [InlineData("kafka:9092,:9092")]
    [InlineData("kafka:port")]
    public void A_bootstrap_that_is_not_a_host_port_list_is_refused(string bootstrap)
    {
        var problems = Read((PipelineSettings.BusVariable, "kafka"), (PipelineSettings.KafkaBootstrapVariable, bootstrap)).Problems();
        Assert.Contains(bootstrap, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_asks_for_it_and_all_problems_are_reported_together()
    {
        var settings = Read((PipelineSettings.StoreVariable, "postgres"), (PipelineSettings.BusVariable, "kafka"));
        var problems = settings.Problems();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains(PipelineSettings.PostgresVariable, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(PipelineSettings.KafkaBootstrapVariable, StringComparison.Ordinal));
    }

    [Fact]
    public void The_factories_refuse_invalid_settings_before_connecting()
    {
        var settings = Read((PipelineSettings.StoreVariable, "postgres"));
        Assert.Throws<ConfigurationException>(() => RiskStoreFactory.Create(settings));
        Assert.Throws<ConfigurationException>(() => EventBusFactory.Create(settings));
    }
}
