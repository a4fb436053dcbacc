using System.Buffers;
using System.Globalization;
using System.Text;

namespace Octans.Domain;

public static partial class PersonalData
{
    /// <summary>
    /// Text as the patterns read it: full-width and other compatibility forms folded to ASCII (NFKC), every decimal
    /// digit made an ASCII digit, spaces made ' ', dashes '-', and invisible characters dropped. Each folded character
    /// remembers which characters of the original it came from, so what is found is replaced in the original.
    /// </summary>
    private readonly struct Folded
    {
        private readonly int[]? starts;
        private readonly int[]? ends;

        private Folded(string text, int[]? starts, int[]? ends) => (Text, this.starts, this.ends) = (text, starts, ends);

        public string Text { get; }

        /// <summary>The original characters that the folded characters from <paramref name="start"/> to <paramref name="end"/> came from.</summary>
        public Piece Original(int start, int end, PersonalDataKind kind) =>
            starts is null || ends is null ? new(start, end, kind) : new(starts[start], ends[end - 1], kind);

        public static Folded From(string text)
        {
            if (Ascii.IsValid(text))
                return new(text, null, null);

            var folded = new StringBuilder(text.Length);
            var starts = new List<int>(text.Length);
            var ends = new List<int>(text.Length);
            for (var i = 0; i < text.Length;)
            {
                var whole = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var read) == OperationStatus.Done;
                var (into, width) = whole ? (Fold(rune), read) : (text[i].ToString(), 1);
                foreach (var c in into)
                {
                    folded.Append(c);
                    starts.Add(i);
                    ends.Add(i + width);
                }
                i += width;
            }
            return new(folded.ToString(), [.. starts], [.. ends]);
        }

        private static string Fold(Rune rune)
        {
            if (rune.IsAscii)
                return rune.ToString();
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark)
                return "";
            if (Rune.IsDigit(rune))
                return ((char)('0' + (int)Rune.GetNumericValue(rune))).ToString();
            if (Rune.IsWhiteSpace(rune))
                return " ";
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DashPunctuation || rune.Value == 0x2212)
                return "-";
            if (rune.Value is 0x3002 or 0xFF61)
                return ".";
            var compatible = rune.ToString().Normalize(NormalizationForm.FormKC);
            return Ascii.IsValid(compatible) ? compatible : rune.ToString();
        }
    }
}
