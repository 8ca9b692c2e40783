using System.Security.Cryptography;
using StreamRisk.RiskModels.Artifacts;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// The served class model, replaced without stopping the worker when its artifact folder gets a new one: at most once
/// per <c>checkEvery</c> the manifest's bytes are hashed, and a changed manifest is loaded. The manifest is written after
/// the weights and names their checksums, so a half-written artifact fails to load; the old model then keeps serving,
/// the failure is reported once, and every later check tries again.
/// </summary>
public sealed class SwappableClassModel
{
    private readonly string _manifestPath;
    private readonly Func<string, IDefaultClassScorer> _load;
    private readonly TimeProvider _time;
    private readonly TimeSpan _checkEvery;
    private readonly Action<string> _report;
    private long _lastCheck;
    private string _servedFingerprint;
    private string? _refusedFingerprint;

    /// <param name="path">The artifact folder (or its manifest.json).</param>
    /// <param name="load">Loads and checks an artifact; throws <see cref="ModelArtifactException"/> when it cannot.</param>
    /// <param name="report">Told, in one line, of each swap and each refused artifact.</param>
    public SwappableClassModel(string path, Func<string, IDefaultClassScorer> load, TimeProvider time, TimeSpan checkEvery, Action<string> report)
    {
        _manifestPath = Directory.Exists(path) ? Path.Combine(path, ModelManifest.FileName) : path;
        _load = load;
        _time = time;
        _checkEvery = checkEvery;
        _report = report;
        Current = load(path);
        _servedFingerprint = Fingerprint(_manifestPath) ?? "";
        _lastCheck = time.GetTimestamp();
    }

    public IDefaultClassScorer Current { get; private set; }

    /// <summary>How many times a new artifact replaced the served one.</summary>
    public int Swaps { get; private set; }

    /// <summary>The served model, after loading a new artifact when one appeared since the last check.</summary>
    public IDefaultClassScorer Refresh()
    {
        if (_time.GetElapsedTime(_lastCheck) < _checkEvery) return Current;
        _lastCheck = _time.GetTimestamp();
        var fingerprint = Fingerprint(_manifestPath);
        if (fingerprint is null || fingerprint == _servedFingerprint) return Current;
        try
        {
            var next = _load(_manifestPath);
            _report($"risk model: now serving {next.Version} (was {Current.Version}) from {_manifestPath}");
            Current = next;
            _servedFingerprint = fingerprint;
            Swaps++;
        }
        catch (ModelArtifactException ex)
        {
            // Tried again at every check (weights copied after the manifest complete it later), reported once.
            if (fingerprint != _refusedFingerprint) _report($"risk model: kept {Current.Version}; the new artifact was refused: {ex.Message}");
            _refusedFingerprint = fingerprint;
        }
        return Current;
    }

    private static string? Fingerprint(string manifestPath)
    {
        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(manifestPath)));
        }
        catch (IOException)
        {
            return null; // being replaced right now: try at the next check
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
