using System.Text.RegularExpressions;
using Alba;
using Octans.Api.Demo;
using Octans.Api.Inbox.Taking;
using Octans.Api.Meetings.Arranging;
using Octans.Api.Problems.Actions;
using Octans.Api.Problems.ExitCriteria;
using Octans.Api.ReferenceData;
using Octans.Api.Tests.Photos;
using Octans.Api.Tests.Reports;
using Octans.Reports.MonthlyPacks;
using Octans.Testing;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>
/// A sensitive problem in an area of its own, named for the police and outreach, with everything that can name it
/// elsewhere: an action for the police with a photo, an exit criterion, a note, a public update written before it was
/// marked, a report attached from the inbox, a meeting's decision and October's pack.
/// </summary>
public sealed record SensitivePlace(
    Area Area, Guid Problem, string Title, string Reference, Guid Action, Guid Criterion, Guid Photo, Guid Report, Guid Meeting,
    string Job, Guid Pack, string PoliceMember, string Month)
{
    public const double Latitude = 51.8871, Longitude = -0.4183;

    /// <summary>Whether a page, a document or an answer names the problem: by its title, its reference or its id.</summary>
    public bool IsNamedIn(string text) =>
        text.Contains(Title, StringComparison.Ordinal) || text.Contains(Problem.ToString(), StringComparison.OrdinalIgnoreCase)
        || Regex.IsMatch(text, $@"(?<![A-Za-z0-9-]){Regex.Escape(Reference)}(?![0-9])");

    /// <summary>An address of the walk with its placeholders filled in.</summary>
    public string Fill(string url) => url
        .Replace("{police}", Team.HighTownPolice.Id.ToString()).Replace("{area}", Uri.EscapeDataString(Area.Name)).Replace("{code}", Area.Id)
        .Replace("{suffix}", Title[^8..]).Replace("{pin}", $"{Latitude},{Longitude}").Replace("{problem}", Problem.ToString())
        .Replace("{action}", Action.ToString()).Replace("{criterion}", Criterion.ToString()).Replace("{photo}", Photo.ToString())
        .Replace("{report}", Report.ToString()).Replace("{meeting}", Meeting.ToString()).Replace("{job}", Job).Replace("{pack}", Pack.ToString())
        .Replace("{month}", Month).Replace("{user}", DemoAccounts.All[0].Id.ToString());

    public static async Task<SensitivePlace> MakeAsync(AppFixture app)
    {
        var area = await app.GivenArea();
        var title = $"Outreach meeting point {Guid.NewGuid():N}"[..31];
        var given = await app.GivenProblem(title, area, at: PacksApi.October(10), pin: (Latitude, Longitude));
        var id = given.Id;
        async Task<int> Version() => (await app.Details(id)).Version;

        await app.Post(Coordinator, $"/api/problems/{id}/public-updates", new { version = await Version(), text = $"The lane by {title} was cleared." });
        var taken = await app.Post(Coordinator, "/api/inbox", new
        {
            area = area.Name, category = "Street lighting", description = "Caller says the lane is dark again.", source = "Phone",
            location = new { description = "The lane behind the garages", latitude = Latitude, longitude = Longitude },
        }, 201);
        var report = (await taken.ReadAsJsonAsync<ReportTaken>())!.Id;
        await app.Post(Coordinator, $"/api/inbox/{report}/attach", new { problemId = id, version = await Version() });

        await app.Post(Coordinator, $"/api/problems/{id}/sensitivity",
            new { version = await Version(), sensitive = true, teams = new[] { Team.HighTownPolice.Id, Team.AzaleaOutreach.Id } });
        var planned = await app.Post(Coordinator, $"/api/problems/{id}/actions", new
        {
            version = await Version(), description = "Patrol at dusk with outreach", teamId = Team.HighTownPolice.Id, dueOn = app.Today().AddDays(7),
        });
        var action = (await planned.ReadAsJsonAsync<ActionPlannedAnswer>())!.ActionId;
        var added = await app.Post(Coordinator, $"/api/problems/{id}/criteria", new { version = await Version(), text = "No needles found for four weeks" });
        var criterion = (await added.ReadAsJsonAsync<ExitCriterionAddedAnswer>())!.CriterionId;
        var photo = await app.Upload(Coordinator, $"/api/problems/{id}/actions/{action}/photos",
            PhotoUploadsApi.Form(SamplePhotos.Jpeg(), "Before", await Version()));
        photo.Status.ShouldBe(201, photo.Body);
        await app.Post(Coordinator, $"/api/problems/{id}/notes", new { version = await Version(), text = "Walked the lane with outreach." });

        var arranged = await app.Post(Coordinator, "/api/meetings", new { area = area.Name, kind = "Tasking", heldOn = app.Today().ToString("yyyy-MM-dd") }, 201);
        var meeting = (await arranged.ReadAsJsonAsync<MeetingArrangedResponse>())!.Id;
        await app.Post(Coordinator, $"/api/meetings/{meeting}/decisions", new
        {
            problemId = id, version = await Version(), rag = "Amber", decision = "Keep patrolling with outreach.",
            nextReviewOn = app.Today().AddDays(28).ToString("yyyy-MM-dd"),
        });

        var requested = await app.RequestPack(area.Name, "2026-10");
        var job = await app.WaitForJob(requested);
        job.State.ShouldBe("Succeeded", job.Error);

        var police = await app.MemberOf(Team.HighTownPolice.Id);
        return new SensitivePlace(area, id, title, (await app.Details(id)).Reference, action, criterion, photo.PhotoId, report, meeting,
            requested.JobId, job.ReportId!.Value, police, PackMonth.Of(app.Clock.GetUtcNow()).ToString());
    }
}
