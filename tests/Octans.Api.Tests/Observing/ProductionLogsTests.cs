using System.Security.Cryptography;
using System.Text.Json;
using Octans.Api.Setup;
using Octans.Testing;

namespace Octans.Api.Tests.Observing;

/// <summary>Octans run as an operator runs it, in Production, writing its log to the console for the machines that gather it.</summary>
public sealed class ProductionLogsTests
{
    private const string Requests = "Microsoft.AspNetCore.Hosting.Diagnostics";

    [Fact]
    public async Task In_Production_every_log_line_is_one_JSON_object_and_a_requests_lines_carry_its_trace_id()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (exitCode, output) = await OctansProcess.RunAsync("db-apply", database.ConnectionString, environment: "Production");
        exitCode.ShouldBe(0, output);
        await using var octans = await OctansProcess.ServeAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production",
            [KeyEncryption.SecretSetting.Replace(":", "__")] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // The request lines are kept to warnings in Production; asked for here, they show a request's scope.
            [$"Logging__LogLevel__{Requests}"] = "Information",
        });
        using var http = new HttpClient { BaseAddress = octans.Address };
        (await http.GetAsync("/health/live")).EnsureSuccessStatusCode();
        await octans.WaitForOutput("\"RequestPath\":\"/health/live\"");

        var lines = octans.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Where(line => !line.StartsWith('{')).ShouldBeEmpty("lines that are not JSON");
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        foreach (var field in new[] { "Timestamp", "LogLevel", "Category", "Message" })
            entries.Count(entry => entry.TryGetProperty(field, out var _)).ShouldBe(entries.Count, $"a line without {field}");
        var request = entries.First(entry => entry.GetProperty("Category").GetString() == Requests);
        var traceId = request.GetProperty("Scopes").EnumerateArray()
            .Select(scope => scope.TryGetProperty("TraceId", out var id) ? id.GetString() : null).First(id => id is not null)!;
        traceId.ShouldMatch("^[0-9a-f]{32}$");
    }
}
