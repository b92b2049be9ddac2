/// A piece of planned or worked time on one date: where it starts (UTC seconds), its date, day or night, and minutes.
struct HourPiece {
    let start: Int
    let dayNumber: Int
    let time: TimeOfDay
    var minutes: Int
}
