using System.Diagnostics;
using Octans.Api.Problems.Listing;
using Octans.Api.Reports.Producing;
using Octans.Api.Setup;
using Octans.Domain;
using Octans.Reports.PathwaysPacks;

namespace Octans.Benchmarks;

/// <summary>
/// The quarterly Pathways pack of the generated area of 500 problems (July to September 2026), read and rendered as its job
/// does; and the problems' CSV of 10,000 rows and more, streamed to a sink that keeps nothing, with the managed heap sampled at
/// every write to show it stays flat.
/// </summary>
public sealed class ExportsMeasurement : IMeasurement
{
    public string Name => "exports";
    public int Order => 45;
    public string Description => "the Pathways pack of 500 problems, and the CSV of 10,000 problems";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var area = await PackArea.CreateAsync();
        var quarter = new PackQuarter(2026, 3);

        var packTimes = new List<double>();
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        for (var i = 0; i < 10; i++)
        {
            var clock = Stopwatch.StartNew();
            await PathwaysPackJob.ReadAndRenderAsync(area.Store, PackArea.Area, quarter, cancellation);
            packTimes.Add(clock.Elapsed.TotalMilliseconds);
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        var pack = packTimes.Skip(3).Order().ElementAt(3);

        context.Say("exports: 10,000 more problems' rows for the CSV");
        await using (var session = area.Store.LightweightSession())
        {
            session.Queue(
                $"""
                 insert into {ProblemRows.Table} ({ProblemRows.Id}, {ProblemRows.Reference}, {ProblemRows.Title}, {ProblemRows.Statement},
                     {ProblemRows.Category}, {ProblemRows.Area}, {ProblemRows.Risk}, {ProblemRows.Place}, {ProblemRows.Phase}, {ProblemRows.Status},
                     {ProblemRows.ReportedAt}, {ProblemRows.ReportedBy}, {ProblemRows.UpdatedAt}, {ProblemRows.Version}, {ProblemRows.DecayReports},
                     {ProblemRows.OpenActions}, {ProblemRows.OpenActionTeams}, {ProblemRows.OpenDueDates}, {ProblemRows.NotesTotal})
                 select gen_random_uuid(), 'CSV-' || lpad(n::text, 5, '0'), 'Fly-tipping behind shop ' || n, 'Bags dumped again.', 'Fly-tipping',
                     'CSV Town', 'Medium', 'Wenlock Street', 'Clear', 'Open', now(), 'Coordinator', now(), 1, 0, 0, '{"{}"}', '{"{}"}', 0
                 from generate_series(1, 10000) as n
                 """);
            await session.SaveChangesAsync(cancellation);
        }

        var csvTimes = new List<double>();
        long growth = 0, bytes = 0;
        for (var i = 0; i < 8; i++)
        {
            await using var query = area.Store.QuerySession();
            var (export, _) = await ProblemExport.CheckAsync(new ProblemFilter.Asked(), null, Reader.Everything, query, new DateOnly(2026, 11, 16), cancellation);
            var sink = new HeapSampled();
            var clock = Stopwatch.StartNew();
            await export!.WriteAsync(area.Store, sink, cancellation);
            csvTimes.Add(clock.Elapsed.TotalMilliseconds);
            if (i >= 3) growth = Math.Max(growth, sink.Growth);
            bytes = sink.Length;
        }
        var csv = csvTimes.Skip(3).Order().ElementAt(2);

        return
        [
            new Figure("Pathways pack: 500 problems, read and rendered (median)", pack, Unit.Milliseconds, Target: "< 1 s", Met: pack < 1000),
            new Figure("Pathways pack: peak working set of the measuring process", peak, Unit.Megabytes, Target: "< 300 MB", Met: peak < 300,
                Note: $"includes the benchmark host; {peakBefore / 1024 / 1024} MB before the first pack"),
            new Figure("CSV: 10,500 problems streamed (median)", csv, Unit.Milliseconds, Target: "< 2 s", Met: csv < 2000, Note: $"{bytes / 1024} KB of CSV"),
            new Figure("CSV: most the managed heap grew while streaming", growth / 1024.0 / 1024.0, Unit.Megabytes, Target: "flat (< 16 MB)",
                Met: growth < 16 * 1024 * 1024),
        ];
    }

    /// <summary>A sink that keeps no bytes, counts them, and samples how far the managed heap grew above where it started.</summary>
    private sealed class HeapSampled : Stream
    {
        private readonly long _start = GC.GetTotalMemory(forceFullCollection: true);
        private long _length;

        public long Growth { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Sample(buffer.Length);
        public override void Write(byte[] buffer, int offset, int count) => Sample(count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Sample(buffer.Length);
            return ValueTask.CompletedTask;
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Sample(count);
            return Task.CompletedTask;
        }

        private void Sample(int count)
        {
            _length += count;
            Growth = Math.Max(Growth, GC.GetTotalMemory(forceFullCollection: false) - _start);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
