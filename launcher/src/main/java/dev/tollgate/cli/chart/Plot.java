package dev.tollgate.cli.chart;

import java.math.BigDecimal;

/** The rectangle the data is drawn in, with one equal slot per x label and the value axis. */
record Plot(double left, double top, double right, double bottom, int slots, ValueAxis axis) {

  double slotWidth() {
    return (right - left) / slots;
  }

  double centerX(int slot) {
    return left + slotWidth() * (slot + 0.5);
  }

  double y(BigDecimal value) {
    return axis.pixelOf(value, bottom, top);
  }
}
