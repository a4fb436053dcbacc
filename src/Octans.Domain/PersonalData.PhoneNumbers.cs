namespace Octans.Domain;

public static partial class PersonalData
{
    /// <summary>
    /// A UK number is +44, 0044 or 0 and then 9 or 10 digits, written in groups that may be split by spaces, a hyphen or
    /// a dot, brackets or a line break: "07700 900123", "(01582) 546-000", "+44 (0)20 7946 0958". Every group but the
    /// one after +44 has at least three digits, with the 0, which keeps dates such as "01 02 2026" and decimals such as
    /// "0.4147" out, and stops a number starting inside a date before it ("01 02 2026 07700 900123"); a number glued to letters,
    /// digits, a dot or a hyphen (HT-0001, 51.0123) is not one.
    /// </summary>
    private static void AddPhoneNumbers(Folded folded, ref List<Piece>? found)
    {
        var text = folded.Text;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            else if (PhoneNumberAt(text, i) is var (start, end))
            {
                (found ??= []).Add(folded.Original(start, end, PersonalDataKind.PhoneNumber));
                i = end;
            }
            else
            {
                i = GroupEnd(text, i);
            }
        }
    }

    private static (int Start, int End)? PhoneNumberAt(string text, int group)
    {
        var length = GroupEnd(text, group) - group;
        var first = text.AsSpan(group, length);
        var before = group > 0 ? text[group - 1] : ' ';
        // counted: the digits of the number after its 0, or after the 44 of +44.
        var (start, counted) =
            before == '+' && first.StartsWith("44") ? (group - 1, length - 2)
            : first.StartsWith("0044") ? (group, length - 4)
            : length > 2 && first[0] == '0' && first[1] != '0' ? (before == '(' ? group - 1 : group, length - 1)
            : (-1, 0);
        if (start < 0 || start > 0 && !StandsApart(text[start - 1]))
            return null;

        var end = group + length;
        while (counted < 9 && NextGroup(text, end) is { } next)
        {
            var digits = GroupEnd(text, next) - next;
            if (counted == 0 && digits == 1 && text[next] == '0' && text[next - 1] == '(')
                end = next + 1; // the (0) of +44 (0)20 is not dialled
            else if (counted > 0 && digits < 3)
                break;
            else
                (counted, end) = (counted + digits, next + digits);
        }
        return counted is 9 or 10 ? (start, end) : null;
    }

    private static bool StandsApart(char before) => !char.IsLetterOrDigit(before) && before is not ('+' or '.' or '/' or '-' or '_');

    private static int GroupEnd(string text, int from)
    {
        while (from < text.Length && char.IsAsciiDigit(text[from]))
            from++;
        return from;
    }

    /// <summary>
    /// Where the next group of digits starts, if no more than five spaces, brackets or line breaks come first, with
    /// one hyphen or dot among them at most.
    /// </summary>
    private static int? NextGroup(string text, int from)
    {
        var marks = 0;
        for (var i = from; i < text.Length && i <= from + 5; i++)
        {
            if (char.IsAsciiDigit(text[i]))
                return i;
            if (text[i] is '-' or '.')
                marks++;
            else if (text[i] is not (' ' or '\t' or '\r' or '\n' or '(' or ')'))
                return null;
            if (marks > 1)
                return null;
        }
        return null;
    }
}
