using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Demo;

/// <summary>
/// The demo's inbox: a few reports from the public waiting for the coordinator, received the way real ones are (with
/// personal data taken out), most of them a few metres from problems the demo leaves in Hold or Build, so the inbox
/// shows them nearby and attaching one shows Hold decay.
/// </summary>
internal static class DemoInbox
{
    private static readonly (string Source, string Category, string Description)[] NearHold =
    [
        ("Open311: FixMyStreet", "Fly-tipping", "Black bags and a broken chair dumped again by the gate. Reported by a resident, call 07700 900461."),
        ("CSV upload", "Drug litter", "Police ASB report: two needles found on the path by the fence, evening patrol."),
        ("Phone", "Street lighting", "Caller says the lamp by the corner has been flickering and went out last night."),
    ];

    public static IReadOnlyList<(Guid Id, IReadOnlyList<IInboxEvent> Events)> Build(IReadOnlyList<ProblemHistory> histories, DateTimeOffset now)
    {
        var slipping = histories
            .Where(h => h.Problem is { Status: ProblemStatus.Open, Phase: Phase.Hold or Phase.Build, Location.Latitude: not null })
            .OrderBy(h => h.Problem.Reference, StringComparer.Ordinal)
            .Take(NearHold.Length)
            .ToList();
        var reports = slipping.Select((h, n) => (NearHold[n], Place: h.Problem.Location with
        {
            Description = $"Near {h.Problem.Location.Description}", Latitude = h.Problem.Location.Latitude + 0.0002, Uprn = null, Usrn = null,
        })).ToList();
        reports.Add((("Open311: FixMyStreet", "Graffiti", "Tags sprayed on the electricity substation on Brunswick Street."),
            new Location("Substation, Brunswick Street", 51.8879, -0.4061, null, null, "High Town")));

        return reports.Select((r, n) =>
        {
            var id = DemoIds.For($"inbox/{n}");
            var received = now.AddDays(-(n + 1)).AddHours(-3);
            var decision = InboxDecisions.Receive(
                new TakeReport(id, Area.HighTown.Name, r.Item1.Source, r.Item1.Source == "CSV upload" ? $"ASB-{4100 + n}" : null,
                    r.Item1.Category, r.Item1.Description, r.Place, received),
                null, received.AddMinutes(20));
            if (decision.IsRefused) throw new InvalidOperationException($"The demo's inbox report {n + 1} was refused: {decision.Detail}");
            return (id, decision.Events);
        }).ToList();
    }
}
