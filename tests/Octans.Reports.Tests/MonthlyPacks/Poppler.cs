using System.Diagnostics;

namespace Octans.Reports.Tests.MonthlyPacks;

/// <summary>Runs Debian's poppler-utils (pdftotext, pdffonts), which ops/test installs, as an independent reader.</summary>
internal static class Poppler
{
    public static (string Output, string Errors) Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{tool} could not be started; install poppler-utils.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException($"{tool} {arguments} did not finish.");
        }
        process.ExitCode.ShouldBe(0, $"{tool} failed: {errors.Result}");
        return (output.Result, errors.Result);
    }
}
