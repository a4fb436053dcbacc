namespace Octans.Reports; public static class Placeholder {}
