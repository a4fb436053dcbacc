using Npgsql;

namespace Octans.Benchmarks;

/// <summary>What every measurement of one run shares: the server, the settings, and the national dataset once loaded.</summary>
public sealed class BenchContext : IAsyncDisposable
{
    private NationalDataset? _national;

    public BenchContext(string server, BenchSettings settings)
    {
        Server = server;
        Settings = settings;
        RepositoryRoot = FindRepositoryRoot();
    }

    /// <summary>The PostgreSQL server (OCTANS_DB); each measurement makes databases of its own on it.</summary>
    public string Server { get; }

    public BenchSettings Settings { get; }

    public string RepositoryRoot { get; }

    /// <summary>The built Octans.Api of the same configuration as this benchmark.</summary>
    public string OctansAssembly
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory);
            var path = Path.Combine(RepositoryRoot, "src", "Octans.Api", "bin", framework.Parent!.Name, framework.Name, "Octans.Api.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build Octans.Api first: {path} is missing.");
        }
    }

    /// <summary>10,000 problems and about 1,000,000 events (times the scale), loaded once and shared by reads and rebuild.</summary>
    public async Task<NationalDataset> NationalAsync(CancellationToken cancellation) =>
        _national ??= await NationalDataset.LoadAsync(this, cancellation);

    public void Say(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

    public async ValueTask DisposeAsync()
    {
        if (_national is not null) await _national.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Octans.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the Octans checkout.");
    }
}

/// <param name="Seconds">How long each concurrency level of the write run lasts.</param>
/// <param name="Scale">Fraction of the national dataset: 1 is 10,000 problems and about 1,000,000 events.</param>
/// <param name="ReadSamples">Requests timed per read endpoint.</param>
/// <param name="ColdStarts">Cold starts timed; the median is reported.</param>
/// <param name="Clients">The concurrency levels of the write run; the targets are set at 1, 8 and 32.</param>
/// <param name="KeepNational">Leave the national database in place at the end, for a later --reuse-national.</param>
/// <param name="ReuseNational">A national database kept by an earlier run, used instead of loading one.</param>
/// <param name="Keyed">Every write of the write run carries an Idempotency-Key, as the phones' writes do.</param>
public sealed record BenchSettings(double Seconds, double Scale, int ReadSamples, int ColdStarts, IReadOnlyList<int> Clients,
    bool KeepNational = false, string? ReuseNational = null, bool Keyed = false);
