/**
 * Extension points: implement one and list it under {@code META-INF/services} to plug it in.
 */
package io.github.rembed.spi;
