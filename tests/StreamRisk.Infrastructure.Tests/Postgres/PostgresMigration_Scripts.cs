using StreamRisk.Infrastructure.Postgres;
using StreamRisk.Tests.Shared.Kafka;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Infrastructure.Tests.Postgres;

public sealed class PostgresMigration_Scripts
{
    [Fact]
    public void The_embedded_migrations_are_the_files_of_infra_postgres_in_version_order()
    {
        var directory = RepositoryRoot.Of("infra/postgres");
        var files = Directory.GetFiles(directory, "*.sql")
            .Select(f => PostgresMigration.FromFile(Path.GetFileName(f), File.ReadAllText(f)))
            .OrderBy(m => m.Version)
            .ToList();

        Assert.NotEmpty(files);
        Assert.Equal(files, PostgresMigration.Embedded());
    }

    [Fact]
    public void A_file_name_gives_version_and_name_and_the_text_gives_the_checksum()
    {
        var migration = PostgresMigration.FromFile("012_add_issuer_index.sql", "CREATE INDEX x ON t (a);");
        var edited = PostgresMigration.FromFile("012_add_issuer_index.sql", "CREATE INDEX x ON t (b);");

        Assert.Equal(12, migration.Version);
        Assert.Equal("add_issuer_index", migration.Name);
        Assert.Equal(64, migration.Checksum.Length);
        Assert.NotEqual(migration.Checksum, edited.Checksum);
    }

    [Theory]
    [InlineData("1_initial.sql")]
    [InlineData("001-initial.sql")]
    [InlineData("001_Initial.sql")]
    [InlineData("001_initial.txt")]
    [InlineData("initial.sql")]
    public void A_badly_named_file_is_refused(string fileName)
    {
        Assert.Throws<FormatException>(() => PostgresMigration.FromFile(fileName, "SELECT 1;"));
    }

    [Fact]
    public void Two_scripts_with_one_version_are_refused_and_others_are_ordered()
    {
        var a = PostgresMigration.FromFile("002_b.sql", "SELECT 2;");
        var b = PostgresMigration.FromFile("001_a.sql", "SELECT 1;");

        Assert.Equal([b, a], PostgresMigration.InOrder([a, b]));
        Assert.Throws<InvalidOperationException>(() => PostgresMigration.InOrder([a, b, PostgresMigration.FromFile("002_c.sql", "SELECT 3;")]));
    }
}
