using System.Text.RegularExpressions;

namespace Octans.Domain;

public static partial class PersonalData
{
    /// <summary>A piece of personal data: where it stands in the original text, from Start up to End.</summary>
    private readonly record struct Piece(int Start, int End, PersonalDataKind Kind);

    /// <summary>The pieces of personal data in <paramref name="text"/>, in order and apart, or null when there are none.</summary>
    private static List<Piece>? Pieces(string text)
    {
        var folded = Folded.From(text);
        List<Piece>? found = null;
        foreach (var match in EmailAddress().EnumerateMatches(folded.Text))
            (found ??= []).Add(folded.Original(match.Index, match.Index + match.Length, PersonalDataKind.EmailAddress));
        AddPhoneNumbers(folded, ref found);
        foreach (var match in NationalInsuranceNumber().EnumerateMatches(folded.Text))
            (found ??= []).Add(folded.Original(match.Index, match.Index + match.Length, PersonalDataKind.NationalInsuranceNumber));
        if (found is null)
            return null;

        // An email address can hold what looks like a phone number ("07700900123@example.com"): email addresses are
        // found first, and the sort keeps that order, so the email address wins.
        var apart = new List<Piece>(found.Count);
        foreach (var piece in found.OrderBy(piece => piece.Start))
            if (apart.Count == 0 || piece.Start >= apart[^1].End)
                apart.Add(piece);
        return apart;
    }

    // The parts of an email address, however it is written: "jo.bloggs@example.com", "jo @ example . com",
    // "jo(at)example(dot)com", "jo [at] example [dot] com", "jo dot bloggs at example dot com". A bare word "at"
    // counts only beside a spelled "dot", so that "reported at fixmystreet.com" passes.
    private const string Space = @"[ \t]";
    private const string LocalWord = @"[\w%+-]+";
    private const string DomainWord = @"[\w-]+";
    private const string TopLevel = @"\p{L}{2,}";
    private const string SpelledDot = $@"(?:{Space}*[(\[{{<]{Space}*dot{Space}*[)\]}}>]{Space}*|{Space}+dot{Space}+)";
    private const string AnyDot = $@"(?:\.|{Space}+\.{Space}+|{SpelledDot})";
    private const string LocalDot = $@"(?:\.|{SpelledDot})";
    private const string SymbolAt = $@"(?:{Space}*@{Space}*|{Space}*[(\[{{<]{Space}*at{Space}*[)\]}}>]{Space}*)";
    private const string WordAt = $"{Space}+at{Space}+";
    private const string Local = $"{LocalWord}(?:{LocalDot}{LocalWord})*";
    private const string LocalSpelled = $"{LocalWord}(?:{LocalDot}{LocalWord})*{SpelledDot}{LocalWord}(?:{LocalDot}{LocalWord})*";
    private const string Domain = $"{DomainWord}(?:{AnyDot}{DomainWord})*{AnyDot}{TopLevel}";
    private const string DomainSpelled = $"(?:{DomainWord}{AnyDot})*{DomainWord}{SpelledDot}(?:{DomainWord}{AnyDot})*{TopLevel}";

    [GeneratedRegex($"{Local}{SymbolAt}{Domain}|{LocalSpelled}{WordAt}{Domain}|{Local}{WordAt}{DomainSpelled}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailAddress();

    // Any two letters count, not only the prefixes HMRC allocates, so the specimen QQ 12 34 56 C copied from forms is
    // caught too. Bounded, so the backtracking engine stays linear.
    [GeneratedRegex(@"(?<![A-Z0-9])[A-Z]{2}[\s.-]?\d{2}[\s.-]?\d{2}[\s.-]?\d{2}[\s.-]?[A-D](?![A-Z0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NationalInsuranceNumber();
}
