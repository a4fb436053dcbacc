using System.Text;
using Octans.Api.Photos;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using Octans.Testing;
using SkiaSharp;
using static Octans.Api.Tests.Photos.PhotoUploadsApi;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Photos;

[Collection(ApiCollection.Name)]
public sealed class PhotosTests(AppFixture app)
{
    private static string ActionPhotos(ProblemWithAction p) => $"/api/problems/{p.Id}/actions/{p.ActionId}/photos";

    [Fact]
    public async Task A_team_member_adds_a_before_photo_to_their_teams_action_and_it_shows_on_the_problem()
    {
        var problem = await app.ReportProblemWithAction();

        var answer = await app.Upload(Lighting, ActionPhotos(problem), Form(SamplePhotos.Jpeg(3000, 2000), "Before", problem.Version));

        answer.Status.ShouldBe(201, answer.Body);
        answer.Version.ShouldBe(problem.Version + 1);
        var details = await app.Details(problem.Id);
        var photo = details.Actions.Single().Photos.ShouldHaveSingleItem();
        photo.Id.ShouldBe(answer.PhotoId);
        photo.When.ShouldBe(BeforeOrAfter.Before);
        photo.Url.ShouldBe($"/api/photos/{answer.PhotoId}");
        var timeline = await app.Download(Coordinator, $"/api/problems/{problem.Id}/timeline");
        System.Text.Json.JsonDocument.Parse(timeline.Body).RootElement.EnumerateArray().Last().GetProperty("summary").GetString()
            .ShouldBe("Added a photo from before the work to 'Repair columns 12 to 14'");
    }

    [Theory]
    [InlineData("thumb", 320, 213)]
    [InlineData("page", 1200, 800)]
    [InlineData("full", 2400, 1600)]
    public async Task Each_copy_is_a_jpeg_no_larger_than_its_size_and_a_browser_may_keep_it_only_for_its_user(string size, int width, int height)
    {
        var problem = await app.ReportProblemWithAction();
        var added = await app.Upload(Coordinator, ActionPhotos(problem), Form(SamplePhotos.Png(3000, 2000), "After", problem.Version, "photo.png", "image/png"));

        var copy = await app.Download(Councillor, $"/api/photos/{added.PhotoId}?size={size}");

        copy.Status.ShouldBe(200);
        copy.Type.ShouldBe("image/jpeg");
        copy.Body[..3].ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF });
        SamplePhotos.SizeOf(copy.Body).ShouldBe((width, height));
    }

    [Fact]
    public async Task A_photo_with_the_cameras_make_and_model_and_a_GPS_position_keeps_none_of_them_in_any_copy()
    {
        var problem = await app.ReportProblemWithAction();
        var original = SamplePhotos.JpegWithExif();
        Encoding.ASCII.GetString(original).ShouldContain(SamplePhotos.CameraModel);

        var answer = await app.Upload(Lighting, ActionPhotos(problem), Form(original, "After", problem.Version));

        answer.Status.ShouldBe(201, answer.Body);
        var copies = await app.StoredCopies(answer.PhotoId);
        copies.Length.ShouldBe(3);
        foreach (var copy in copies)
        {
            var text = Encoding.Latin1.GetString(copy);
            text.ShouldNotContain("Exif");
            text.ShouldNotContain(SamplePhotos.CameraMake);
            text.ShouldNotContain(SamplePhotos.CameraModel);
            Segments(copy).ShouldNotContain((byte)0xE1, "no APP1 segment, where EXIF and XMP live");
        }
    }

    [Fact]
    public async Task A_photo_taken_with_the_phone_turned_is_kept_the_right_way_up()
    {
        var problem = await app.ReportProblemWithAction();
        // Orientation 6: the stored pixels are to be turned a quarter clockwise, so the red mark in their top-left corner shows top right.
        var answer = await app.Upload(Lighting, ActionPhotos(problem), Form(SamplePhotos.JpegWithExif(640, 480, orientation: 6), "Before", problem.Version));

        var page = (await app.StoredCopies(answer.PhotoId))[1];
        SamplePhotos.SizeOf(page).ShouldBe((480, 640));
        IsRed(SamplePhotos.ColourAt(page, 0.95f, 0.05f)).ShouldBeTrue();
        IsRed(SamplePhotos.ColourAt(page, 0.05f, 0.05f)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_is_a_400_that_says_so_and_keeps_nothing()
    {
        var problem = await app.ReportProblemWithAction();
        var kept = await app.PhotosKept();

        var answer = await app.Upload(Lighting, ActionPhotos(problem), Form("%PDF-1.7 not a photo"u8.ToArray(), "Before", problem.Version, "notes.pdf", "application/pdf"));

        answer.Status.ShouldBe(400);
        answer.Error("photo").ShouldBe(PhotoProcessing.NotAPhoto);
        (await app.PhotosKept()).ShouldBe(kept);
        (await app.Details(problem.Id)).Version.ShouldBe(problem.Version);
    }

    [Fact]
    public async Task A_photo_larger_than_10_MB_is_a_413_that_says_so()
    {
        var problem = await app.ReportProblemWithAction();
        byte[] large = [.. SamplePhotos.Jpeg(), .. new byte[PhotoProcessing.MostBytes]];

        var answer = await app.Upload(Lighting, ActionPhotos(problem), Form(large, "Before", problem.Version));

        answer.Status.ShouldBe(413);
        answer.Json.GetProperty("detail").GetString().ShouldBe(PhotoProcessing.TooLarge);
        (await app.Details(problem.Id)).Version.ShouldBe(problem.Version);
    }

    [Fact]
    public async Task A_body_far_larger_than_a_photo_form_is_refused_before_it_is_read()
    {
        var problem = await app.ReportProblemWithAction();
        var body = new ByteArrayContent(new byte[PhotoUploads.MostBodyBytes + 1]);
        body.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "x") } };

        var answer = await app.Upload(Lighting, ActionPhotos(problem), body);

        answer.Status.ShouldBe(413);
        answer.Json.GetProperty("detail").GetString().ShouldBe(PhotoProcessing.TooLarge);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(20_000, 20_000)]
    [InlineData(60_000, 1)]
    public async Task A_png_whose_header_claims_an_absurd_or_empty_size_is_refused_before_it_is_decoded(int width, int height)
    {
        var problem = await app.ReportProblemWithAction();
        var png = SamplePhotos.Png(8, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), (uint)width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), (uint)height);

        var answer = await app.Upload(Coordinator, ActionPhotos(problem), Form(png, "Before", problem.Version, "bomb.png", "image/png"));

        answer.Status.ShouldBe(400);
        answer.Error("photo").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_photo_cut_short_is_refused()
    {
        var problem = await app.ReportProblemWithAction();
        var jpeg = SamplePhotos.Jpeg();

        var answer = await app.Upload(Coordinator, ActionPhotos(problem), Form(jpeg[..(jpeg.Length / 2)], "Before", problem.Version));

        answer.Status.ShouldBe(400);
        answer.Error("photo").ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_a_photo_or_before_or_after_the_form_says_what_is_missing()
    {
        var problem = await app.ReportProblemWithAction();

        var answer = await app.Upload(Coordinator, ActionPhotos(problem), Form(null, null, problem.Version));

        answer.Status.ShouldBe(400);
        answer.Error("photo").ShouldBe("Choose a photo to add.");
        answer.Error("when").ShouldBe("Choose whether the photo was taken before or after the work.");
    }

    [Fact]
    public async Task Only_the_actions_team_or_a_coordinator_adds_photos_to_an_action_and_only_a_coordinator_to_an_exit_criterion()
    {
        var problem = await app.ReportProblemWithAction();
        var photo = SamplePhotos.Jpeg();

        (await app.Upload(Streets, ActionPhotos(problem), Form(photo, "Before", problem.Version))).Status.ShouldBe(403);
        (await app.Upload(Councillor, ActionPhotos(problem), Form(photo, "Before", problem.Version))).Status.ShouldBe(403);
        var criterion = await app.ReportProblemWithCriterion();
        var criterionPhotos = $"/api/problems/{criterion.Id}/criteria/{criterion.CriterionId}/photos";
        (await app.Upload(Lighting, criterionPhotos, Form(photo, "After", criterion.Version))).Status.ShouldBe(403);

        var added = await app.Upload(Coordinator, criterionPhotos, Form(photo, "After", criterion.Version));
        added.Status.ShouldBe(201, added.Body);
        (await app.Details(criterion.Id)).ExitCriteria.Single().Photos.Single().Id.ShouldBe(added.PhotoId);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_keeps_nothing()
    {
        var problem = await app.ReportProblemWithAction();
        var kept = await app.PhotosKept();

        var answer = await app.Upload(Lighting, ActionPhotos(problem), Form(SamplePhotos.Jpeg(), "Before", problem.Version - 1));

        answer.Status.ShouldBe(409);
        (await app.PhotosKept()).ShouldBe(kept);
    }

    [Fact]
    public async Task A_photo_sent_again_with_the_same_Idempotency_Key_is_kept_once()
    {
        var problem = await app.ReportProblemWithAction();
        var photo = SamplePhotos.Jpeg(4000, 3000);
        var form = Form(photo, "After", problem.Version);
        var bytes = await form.ReadAsByteArrayAsync();
        HttpContent Again()
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = form.Headers.ContentType;
            return content;
        }
        var key = Guid.NewGuid().ToString();

        var first = await app.Upload(Lighting, ActionPhotos(problem), Again(), key);
        var second = await app.Upload(Lighting, ActionPhotos(problem), Again(), key);

        first.Status.ShouldBe(201, first.Body);
        second.Status.ShouldBe(201);
        second.PhotoId.ShouldBe(first.PhotoId);
        (await app.Details(problem.Id)).Actions.Single().Photos.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_photo_that_does_not_exist_is_a_404_and_a_size_that_does_not_exist_a_400()
    {
        (await app.Download(Coordinator, $"/api/photos/{Guid.NewGuid()}")).Status.ShouldBe(404);
        var problem = await app.ReportProblemWithAction();
        var added = await app.Upload(Coordinator, ActionPhotos(problem), Form(SamplePhotos.Jpeg(), "After", problem.Version));
        (await app.Download(Coordinator, $"/api/photos/{added.PhotoId}?size=huge")).Status.ShouldBe(400);
    }

    private static bool IsRed(SKColor colour) => colour.Red > 200 && colour.Green < 80 && colour.Blue < 80;

    /// <summary>The markers of a JPEG's segments before its image data.</summary>
    private static List<byte> Segments(byte[] jpeg)
    {
        var markers = new List<byte>();
        for (var at = 2; at + 4 <= jpeg.Length && jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA; at += 2 + (jpeg[at + 2] << 8 | jpeg[at + 3]))
            markers.Add(jpeg[at + 1]);
        return markers;
    }
}
