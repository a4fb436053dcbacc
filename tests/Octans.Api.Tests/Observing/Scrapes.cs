using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Alba;
using Octans.Api.Tests.Problems;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Observing;

/// <summary>Reading /metrics as Prometheus does, and Debian's promtool to judge what it reads.</summary>
public static partial class Scrapes
{
    public static async Task<string> Metrics(this AppFixture app)
    {
        var token = await app.TokenFor(ProblemsApi.Admin);
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsTextAsync();
    }

    /// <summary>The value of one series, such as <c>octans_writes_total{command="AddNote",outcome="accepted"}</c>; 0 when absent.</summary>
    public static double Value(string metrics, string name, params (string Label, string Value)[] labels)
    {
        foreach (Match line in Series().Matches(metrics))
        {
            if (line.Groups["name"].Value != name) continue;
            var found = line.Groups["labels"].Value;
            if (labels.All(label => found.Contains($"{label.Label}=\"{label.Value}\""))) return double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return 0;
    }

    /// <summary>Runs <c>promtool check metrics</c> on the text and answers its exit code and everything it said.</summary>
    public static async Task<(int ExitCode, string Said)> PromtoolCheckAsync(string metrics)
    {
        var start = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        Process promtool;
        try
        {
            promtool = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("promtool was not found: install Debian's prometheus package (ops/test does).");
        }
        using (promtool)
        {
            var output = promtool.StandardOutput.ReadToEndAsync();
            var error = promtool.StandardError.ReadToEndAsync();
            await promtool.StandardInput.WriteAsync(metrics);
            promtool.StandardInput.Close();
            await promtool.WaitForExitAsync();
            return (promtool.ExitCode, await output + await error);
        }
    }

    public static Task<IScenarioResult> MetricsAs(this AppFixture app, string? token, IPAddress from, int status) =>
        app.Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            if (token is not null) s.WithBearerToken(token);
            s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = from);
            s.StatusCodeShouldBe(status);
        });

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Series();
}
