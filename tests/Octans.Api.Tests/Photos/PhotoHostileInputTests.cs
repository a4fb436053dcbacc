using CsCheck;
using Octans.Api.Tests.Problems;
using Octans.Testing;
using static Octans.Api.Tests.Photos.PhotoUploadsApi;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Photos;

/// <summary>
/// Photos are untrusted input: real photos cut short, with bytes changed, inserted or their header's size rewritten, and
/// bytes at random, sent to the upload route. Nothing may answer 5xx, and what is refused is a problem that says why.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PhotoHostileInputTests(AppFixture app)
{
    private static readonly byte[][] Originals = [SamplePhotos.Jpeg(64, 48), SamplePhotos.Png(64, 48), SamplePhotos.JpegWithExif(48, 64, orientation: 8)];

    private static readonly Gen<byte[]> Original = Gen.OneOf<byte[]>(Originals);

    private static readonly Gen<byte[]> Mutated = Gen.OneOf(
        Gen.Select(Original, Gen.Double[0, 1], (file, cut) => file[..(int)(file.Length * cut)]),
        Gen.Select(Original, Gen.Int[0, int.MaxValue].Array[1, 12], Gen.Byte.Array[12], (file, at, to) =>
        {
            var changed = (byte[])file.Clone();
            for (var i = 0; i < at.Length; i++) changed[at[i] % changed.Length] = to[i % to.Length];
            return changed;
        }),
        Gen.Select(Original, Gen.Int[0, int.MaxValue], Gen.Byte.Array[1, 64], (file, at, inserted) =>
        {
            var position = at % file.Length;
            return (byte[])[.. file[..position], .. inserted, .. file[position..]];
        }),
        Gen.Select(Original, Gen.Int[0, 40], Gen.UInt, (file, at, value) =>
        {
            var changed = (byte[])file.Clone();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(changed.AsSpan(Math.Min(at, changed.Length - 4)), value);
            return changed;
        }),
        Gen.Byte.Array[0, 4_000],
        Gen.Select(Gen.OneOf<byte[]>([0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), Gen.Byte.Array[0, 400],
            (magic, rest) => (byte[])[.. magic, .. rest]));

    [Fact]
    public async Task No_photo_however_broken_gets_a_5xx_and_each_refusal_says_why()
    {
        var problem = await app.ReportProblemWithAction();
        var url = $"/api/problems/{problem.Id}/actions/{problem.ActionId}/photos";

        await Gen.Select(Mutated, Gen.OneOf("Before", "After", "", "sideways")).SampleAsync(async sample =>
        {
            var (file, when) = sample;
            var version = (await app.Details(problem.Id)).Version;
            var answer = await app.Upload(Coordinator, url, Form(file, when, version));

            answer.Status.ShouldBeLessThan(500, answer.Body);
            if (answer.Status >= 400) answer.Json.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        }, iter: 60, threads: 1, print: sample => $"{sample.Item1.Length} bytes starting {Convert.ToHexString(sample.Item1.AsSpan(0, Math.Min(16, sample.Item1.Length)))}, when '{sample.Item2}'");
    }
}
