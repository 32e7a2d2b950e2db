package sohoa.sign.verify;

/** Something a verification found wrong, and how much it weighs. */
record Finding(Verdict verdict, String text) {}
