using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class NotesTests
{
    [Fact]
    public void A_note_is_added() =>
        ProblemDecisions.Decide(Given(), new AddNote(" Walked the alley with the PCSO. "), LightingOfficer, Now)
            .ShouldAccept(new NoteAdded(ProblemId, "Walked the alley with the PCSO.", LightingOfficer, Now));

    [Fact]
    public void A_blank_note_is_refused() =>
        ProblemDecisions.Decide(Given(), new AddNote("  "), LightingOfficer, Now)
            .ShouldBeRefused("text").Detail.ShouldBe("Enter the note.");

    [Theory]
    [InlineData(4_000, true)]
    [InlineData(4_001, false)]
    public void A_note_has_at_most_4000_characters(int length, bool accepted) =>
        ProblemDecisions.Decide(Given(), new AddNote(Text(length)), LightingOfficer, Now).IsRefused.ShouldBe(!accepted);
}
