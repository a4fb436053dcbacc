using Octans.Testing;

namespace Octans.Api.Tests.Operations;

public sealed class GeneratedCodeTests
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=octans;Username=octans;Password=none";

    // Production loads these handlers instead of compiling them, so a stale file would run an endpoint's old pipeline.
    [Fact]
    public async Task The_committed_Wolverine_handlers_are_the_ones_the_endpoints_generate_now()
    {
        var written = Directory.CreateTempSubdirectory("octans-codegen-");
        try
        {
            var (exitCode, output) = await OctansProcess.RunAsync($"codegen write --contentroot \"{written.FullName}\"", NoDatabase, "Production");
            exitCode.ShouldBe(0, output);

            var fresh = Files(Path.Combine(written.FullName, "Internal", "Generated"));
            var committed = Files(Path.Combine(TestDatabase.RepositoryRoot(), "src", "Octans.Api", "Internal", "Generated"));
            fresh.Keys.ShouldNotBeEmpty();
            var stale = fresh.Keys.Union(committed.Keys)
                .Where(file => fresh.GetValueOrDefault(file) != committed.GetValueOrDefault(file))
                .Order(StringComparer.Ordinal)
                .ToList();
            stale.ShouldBeEmpty("The pre-generated Wolverine handlers in src/Octans.Api/Internal/Generated are out of date; " +
                                "run ops/codegen and commit what it writes. These differ");
        }
        finally
        {
            written.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Files(string root) => Directory.Exists(root)
        ? Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => File.ReadAllText(f).ReplaceLineEndings("\n"))
        : [];
}
