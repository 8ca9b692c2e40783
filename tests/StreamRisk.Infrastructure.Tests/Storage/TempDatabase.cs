namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>A folder of its own for one test's database files, removed with everything in it.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "streamrisk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string File => Path.Combine(Folder, "store.db");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
